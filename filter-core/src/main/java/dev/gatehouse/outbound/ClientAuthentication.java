package dev.gatehouse.outbound;

import java.util.Locale;

/**
 * How Gatehouse authenticates itself to the provider's token and introspection endpoints with a
 * client secret (RFC 6749 section 2.3.1).
 */
public enum ClientAuthentication {
  /** HTTP Basic with the form-encoded client id and secret. The default, as Auth0's. */
  CLIENT_SECRET_BASIC,
  /** {@code client_id} and {@code client_secret} in the form body. */
  CLIENT_SECRET_POST;

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
}
