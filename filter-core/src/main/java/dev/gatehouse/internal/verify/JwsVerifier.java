package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.token.AccessToken;

/**
 * The seam the verified-token cache decorates: verifies a JWS already split at its dots, and says
 * which key verified it. Implemented by one issuer's verifier and by the router in front of
 * several, so the cache sits outermost and a hit parses nothing. Thread-safe.
 */
public interface JwsVerifier extends AccessTokenVerifier {

  /**
   * @throws dev.gatehouse.error.BearerTokenException when the token is not acceptable: 401
   * @throws dev.gatehouse.error.ProviderUnavailableException when it cannot be checked now: 503
   */
  Verified verify(CompactJws jws);

  @Override
  default AccessToken verify(String token) {
    return verify(CompactJws.parse(token)).token();
  }
}
