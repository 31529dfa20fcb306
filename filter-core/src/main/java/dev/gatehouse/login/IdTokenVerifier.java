package dev.gatehouse.login;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.internal.verify.JwtAccessTokenVerifier;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.token.AccessToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies ID tokens as OpenID Connect Core section 3.1.3.7 asks, with the access tokens' own
 * verifier (the same key resolution, signature and encoding checks, and date validators, on the
 * same keys), configured for this client: {@code iss} exactly the login's issuer, {@code aud}
 * containing the client id. On top of it the checks only an ID token has: the header type is not
 * {@code at+jwt} (RFC 9068 section 2.1: an access token must not pass as an ID token), {@code iat}
 * and {@code sub} are required, {@code azp} is the client id when there are several audiences or it
 * is present, and the {@code nonce} is the one of the login that asked for it.
 */
final class IdTokenVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(IdTokenVerifier.class);

  private final AccessTokenVerifier verifier;
  private final String clientId;

  /**
   * @param issuer the trusted issuer users log in with, compared exactly with {@code iss}
   * @param algorithms the signature algorithms accepted, the bearer filter's
   * @param clock and {@code clockSkew}: the bearer filter's, for {@code exp}, {@code nbf} and
   *     {@code iat}
   */
  IdTokenVerifier(
      URI issuer,
      String clientId,
      Set<String> algorithms,
      Clock clock,
      Duration clockSkew,
      KeySource keys) {
    this.clientId = clientId;
    VerificationPolicy forClient =
        new VerificationPolicy(
            issuer, Set.of(clientId), algorithms, VerificationPolicy.DEFAULT_SCOPE_CLAIMS);
    this.verifier = new JwtAccessTokenVerifier(forClient, clock, clockSkew, keys);
  }

  /**
   * Verifies a login's ID token.
   *
   * @return its {@code sub}
   * @throws LoginException {@code ID_TOKEN_INVALID}, or {@code PROVIDER_UNAVAILABLE} when no keys
   *     can be had
   */
  String verify(String idToken, String expectedNonce) {
    AccessToken claims = process(idToken);
    if (!(claims.claim("nonce").orElse(null) instanceof String n)
        || !Pkce.sameValue(expectedNonce, n)) {
      throw invalid("nonce does not match the login");
    }
    return claims.subject().orElseThrow();
  }

  /**
   * Verifies an ID token from a refresh (section 12.2): same checks, no nonce, same subject.
   *
   * @throws LoginException {@code ID_TOKEN_INVALID}
   */
  void verifyRenewed(String idToken, String expectedSubject) {
    if (!process(idToken).subject().orElseThrow().equals(expectedSubject)) {
      throw invalid("the renewed ID token names another subject");
    }
  }

  private AccessToken process(String idToken) {
    if (isAccessTokenType(idToken)) {
      throw invalid("access token type");
    }
    AccessToken claims;
    try {
      claims = verifier.verify(idToken);
    } catch (ProviderUnavailableException e) {
      throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, e.retryAfter());
    } catch (BearerTokenException e) {
      throw invalid(e.rejection().reasonCode()); // a fixed code: never the token or its claims
    }
    if (claims.subject().filter(s -> !s.isBlank()).isEmpty()) {
      throw invalid("no subject");
    }
    if (claims.issuedAt().isEmpty()) {
      throw invalid("no iat");
    }
    Object azp = claims.claim("azp").orElse(null);
    List<String> audiences = claims.audiences();
    if ((azp != null || audiences.size() > 1) && !clientId.equals(azp)) {
      throw invalid("azp is not this client");
    }
    return claims;
  }

  /** A header {@code typ} of {@code at+jwt} (or {@code application/at+jwt}); unreadable is not. */
  private static boolean isAccessTokenType(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false; // the verifier refuses it as malformed
    }
    try {
      String header =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      Map<String, Object> members = JsonUtil.parseJson(header);
      return members.get("typ") instanceof String t
          && t.toLowerCase(Locale.ROOT).endsWith("at+jwt");
    } catch (IllegalArgumentException | JoseException | ClassCastException e) {
      return false; // the verifier refuses it as malformed
    }
  }

  private static LoginException invalid(String why) {
    LOG.warn("gatehouse login id_token_invalid: {}", why);
    return new LoginException(LoginFailure.ID_TOKEN_INVALID);
  }
}
