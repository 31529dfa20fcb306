package dev.gatehouse.outbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * How Gatehouse authenticates itself to the provider's token and introspection endpoints with a
 * client secret (RFC 6749 section 2.3.1).
 */
public enum ClientAuthentication {
  /** HTTP Basic with the form-encoded client id and secret. The default, as Auth0's. */
  CLIENT_SECRET_BASIC {
    @Override
    void apply(String id, String secret, Map<String, String> form, Map<String, String> headers) {
      // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined for Basic.
      String pair = formEncode(id) + ":" + formEncode(secret);
      headers.put(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  },
  /** {@code client_id} and {@code client_secret} in the form body. */
  CLIENT_SECRET_POST {
    @Override
    void apply(String id, String secret, Map<String, String> form, Map<String, String> headers) {
      form.put("client_id", id);
      form.put("client_secret", secret);
    }
  };

  /** Adds the credentials to the request's form or headers. */
  abstract void apply(
      String id, String secret, Map<String, String> form, Map<String, String> headers);

  /** As registered in RFC 7591: {@code client_secret_basic} or {@code client_secret_post}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The one reading of a configured method, for the login and the introspection alike: the RFC 7591
   * name or the same with hyphens ({@code client_secret_basic}, {@code client-secret-basic}), in
   * any case, so that no setting demands a spelling another one refuses.
   *
   * @throws IllegalArgumentException naming {@code property} for any other value
   */
  public static ClientAuthentication parse(String value, String property) {
    String wanted = value.trim().replace('-', '_').toLowerCase(Locale.ROOT);
    for (ClientAuthentication a : values()) {
      if (a.value().equals(wanted)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        property + ": '" + value + "' must be client_secret_basic or client_secret_post");
  }

  static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
