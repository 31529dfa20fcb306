package dev.gatehouse.verify;

import dev.gatehouse.AccessToken;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Hands a JWT to the verifier of the issuer its (unverified) {@code iss} names. A token naming any
 * other issuer is refused here, so an issuer that is not configured is never contacted; the chosen
 * verifier then checks {@code iss} again, with the signature.
 */
public final class IssuerRoutingVerifier implements AccessTokenVerifier {

  private final Map<String, AccessTokenVerifier> byIssuer;

  /**
   * @param byIssuer each trusted issuer, exactly as it appears in {@code iss}, with its verifier
   */
  public IssuerRoutingVerifier(Map<String, ? extends AccessTokenVerifier> byIssuer) {
    this.byIssuer = Map.copyOf(byIssuer);
  }

  @Override
  public AccessToken verify(String token) {
    String issuer = unverifiedIssuer(token);
    AccessTokenVerifier verifier = issuer == null ? null : byIssuer.get(issuer);
    if (verifier == null) {
      throw new BearerTokenException(Rejection.WRONG_ISSUER);
    }
    return verifier.verify(token);
  }

  /** The {@code iss} of a syntax-checked compact JWS, unverified; null when it has none. */
  static String unverifiedIssuer(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
      Map<String, Object> claims = ClaimsJson.object(new String(payload, StandardCharsets.UTF_8));
      if (claims == null) {
        throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
      }
      return claims.get("iss") instanceof String s ? s : null;
    } catch (IllegalArgumentException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }
}
