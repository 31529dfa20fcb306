package dev.gatehouse.login;

import dev.gatehouse.TrustedIssuer;
import dev.gatehouse.config.ConfigKey;
import java.util.List;
import java.util.Optional;

/**
 * Which of the trusted issuers the login sends users to: the one {@code gatehouse.login.issuer}
 * names (by its name in {@code gatehouse.issuers} or by its issuer URL), else the only one. With
 * several issuers and none named the filter does not start: guessing would send users to a provider
 * the operator did not choose.
 */
final class LoginIssuer {

  private LoginIssuer() {}

  /**
   * @throws IllegalArgumentException naming {@code gatehouse.login.issuer} when it names no trusted
   *     issuer, or is missing while several are trusted
   */
  static TrustedIssuer choose(List<TrustedIssuer> trusted, Optional<String> wanted) {
    String property = ConfigKey.LOGIN_ISSUER.property();
    if (wanted.isEmpty()) {
      if (trusted.size() == 1) {
        return trusted.get(0);
      }
      throw new IllegalArgumentException(
          property
              + ": "
              + trusted.size()
              + " issuers are trusted; name the one users log in with, one of "
              + names(trusted));
    }
    for (TrustedIssuer issuer : trusted) {
      if (issuer.name().equals(wanted.get()) || issuer.issuer().toString().equals(wanted.get())) {
        return issuer;
      }
    }
    throw new IllegalArgumentException(
        property + ": '" + wanted.get() + "' is not a trusted issuer, one of " + names(trusted));
  }

  private static List<String> names(List<TrustedIssuer> trusted) {
    return trusted.stream().map(TrustedIssuer::name).toList();
  }
}
