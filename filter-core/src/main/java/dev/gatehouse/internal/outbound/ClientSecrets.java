package dev.gatehouse.internal.outbound;

import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Puts a client secret where the configured {@link ClientAuthentication} says, kept out of the
 * public enum so that users see the choice and not the request it shapes.
 */
public final class ClientSecrets {
  private ClientSecrets() {}

  /** Adds the credentials to the request's form or headers. */
  public static void apply(
      ClientAuthentication method,
      String id,
      String secret,
      Map<String, String> form,
      Map<String, String> headers) {
    switch (method) {
      case CLIENT_SECRET_BASIC -> {
        // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined for Basic.
        String pair = formEncode(id) + ":" + formEncode(secret);
        headers.put(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      case CLIENT_SECRET_POST -> {
        form.put("client_id", id);
        form.put("client_secret", secret);
      }
    }
  }

  public static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
