package dev.gatehouse.login;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a completed login leaves in the {@code HttpSession}: the user's tokens and when the access
 * token must be renewed. Immutable and {@link Serializable}, so that container session replication
 * and persistence carry it to other nodes; replaced whole on every change.
 *
 * @param refreshToken null when the provider issued none (then expiry means a new login)
 * @param admitted whether the API has admitted a token of this login; until then a refusal for the
 *     audience means the login itself is misconfigured, not that the session is stale
 */
record LoginSession(
    String subject,
    String accessToken,
    @Nullable String refreshToken,
    String idToken,
    Instant expiresAt,
    boolean admitted)
    implements Serializable {

  // Unchanged when admitted was added: a record reads a missing component as false, so nodes of
  // both versions can share sessions during a rolling upgrade.
  private static final long serialVersionUID = 1L;

  static final String ATTRIBUTE = "dev.gatehouse.login.session";

  /** A login whose access token the API has not admitted yet. */
  LoginSession(
      String subject,
      String accessToken,
      @Nullable String refreshToken,
      String idToken,
      Instant expiresAt) {
    this(subject, accessToken, refreshToken, idToken, expiresAt, false);
  }

  /** The same login, known to carry a token the API accepts. */
  LoginSession asAdmitted() {
    return new LoginSession(subject, accessToken, refreshToken, idToken, expiresAt, true);
  }

  /** True from {@code margin} before the expiry on. */
  boolean needsRenewal(Instant now, java.time.Duration margin) {
    return !now.plus(margin).isBefore(expiresAt);
  }

  /** Never shows a token. */
  @Override
  public String toString() {
    return "LoginSession[subject="
        + subject
        + ", expiresAt="
        + expiresAt
        + ", refreshable="
        + (refreshToken != null)
        + ", admitted="
        + admitted
        + "]";
  }
}
