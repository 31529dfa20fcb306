package dev.gatehouse.authz;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletContext;
import java.util.Optional;

/**
 * Tokens that were revoked before their expiry, asked about every verified token. A revoked token
 * gets 401 {@code invalid_token} ({@link dev.gatehouse.error.Rejection#TOKEN_REVOKED}).
 *
 * <p>{@link InMemoryRevocationList} is the default; a store shared by several instances (a
 * database, Redis) replaces it by implementing this one method. Throw {@link
 * dev.gatehouse.error.ProviderUnavailableException} to answer 503 while the store is unreachable.
 */
@FunctionalInterface
public interface RevocationList {

  /**
   * Servlet-context attribute under which a filter configured from init-params or MicroProfile
   * Config publishes its revocation list, so the application can revoke tokens.
   */
  String ATTRIBUTE = "dev.gatehouse.revocations";

  /** True when the token must no longer be accepted. Tokens without {@code jti} cannot be named. */
  boolean isRevoked(AccessToken token);

  /** The list the filter of this application checks, if it published one. */
  static Optional<RevocationList> from(ServletContext context) {
    return context.getAttribute(ATTRIBUTE) instanceof RevocationList list
        ? Optional.of(list)
        : Optional.empty();
  }
}
