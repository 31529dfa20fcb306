package dev.gatehouse.login;

import java.io.Serializable;
import java.time.Instant;

/**
 * A login that was started and whose callback has not come yet: what the callback must match
 * ({@code state}, the {@code nonce} of the ID token), what it must send ({@code code_verifier}, the
 * same {@code redirect_uri}), and where the user goes afterwards. Kept in the session only.
 */
record PendingLogin(
    String state,
    String nonce,
    String codeVerifier,
    String redirectUri,
    String returnTo,
    Instant expiresAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Never shows the secrets. */
  @Override
  public String toString() {
    return "PendingLogin[returnTo=" + returnTo + ", expiresAt=" + expiresAt + "]";
  }
}
