package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.CompactJws;

/**
 * The verifier of the only trusted issuer, answering a token from any other issuer as {@link
 * IssuerRoutingVerifier} does when several are trusted: 401 {@code wrong_issuer}, whatever its key,
 * signature or algorithm, and not 503 while the keys cannot be fetched.
 *
 * <p>The unverified {@code iss} is read only after the token has already failed, so a good token
 * pays nothing for it, and it can only turn one refusal (or outage) into another refusal, never
 * into a pass.
 */
public final class OneIssuerVerifier implements JwsVerifier {

  private final String issuer;
  private final JwsVerifier delegate;

  /**
   * @param issuer the trusted issuer exactly as it appears in {@code iss}
   */
  public OneIssuerVerifier(String issuer, JwsVerifier delegate) {
    this.issuer = issuer;
    this.delegate = delegate;
  }

  @Override
  public Verified verify(CompactJws jws) {
    try {
      return delegate.verify(jws);
    } catch (BearerTokenException | ProviderUnavailableException e) {
      if (namesAnotherIssuer(jws)) {
        throw new BearerTokenException(Rejection.WRONG_ISSUER);
      }
      throw e;
    }
  }

  /**
   * True only for an {@code iss} that is a string naming someone else. Without one (absent, not a
   * string, an unreadable payload) the original refusal is the more precise answer and stands.
   */
  private boolean namesAnotherIssuer(CompactJws jws) {
    try {
      String named = IssuerRoutingVerifier.unverifiedIssuer(jws);
      return named != null && !issuer.equals(named);
    } catch (BearerTokenException unreadable) {
      return false;
    }
  }
}
