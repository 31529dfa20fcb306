package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.ClaimsJson;
import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.internal.lean.Verdict;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands a JWT to the verifier of the issuer its (unverified) {@code iss} names. A token naming any
 * other issuer is refused here, so an issuer that is not configured is never contacted; the chosen
 * verifier then checks {@code iss} again, with the signature. Sits below the verified-token cache,
 * so a cached token is never routed (nor parsed) again.
 */
public final class IssuerRoutingVerifier implements JwsVerifier {

  private final Map<String, JwsVerifier> byIssuer;

  /**
   * @param byIssuer each trusted issuer, exactly as it appears in {@code iss}, with its verifier
   */
  public IssuerRoutingVerifier(Map<String, ? extends JwsVerifier> byIssuer) {
    this.byIssuer = Map.copyOf(byIssuer);
  }

  @Override
  public Verified verify(CompactJws jws) {
    String issuer = unverifiedIssuer(jws);
    JwsVerifier verifier = issuer == null ? null : byIssuer.get(issuer);
    if (verifier == null) {
      throw new BearerTokenException(Rejection.WRONG_ISSUER);
    }
    return verifier.verify(jws);
  }

  /** The {@code iss} of a syntax-checked compact JWS, unverified; null when it has none. */
  static @Nullable String unverifiedIssuer(CompactJws jws) {
    if (!jws.hasPayload()) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    String payload;
    try {
      payload = jws.payloadText();
    } catch (IllegalArgumentException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    if (!(ClaimsJson.object(payload) instanceof Verdict.Accepted<Map<String, Object>> claims)) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return claims.value().get("iss") instanceof String s ? s : null;
  }
}
