package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The login's ID token check is the access-token verifier's, on the same keys: the same JWK
 * metadata rules, the same encoding and signature checks, plus what only an ID token has.
 */
class IdTokenVerifierTest {

  private static final String ISSUER = "https://tenant.example/";
  private static final String CLIENT = "web-app";
  private static final String NONCE = "the-login-nonce";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final TestTokens tokens = new TestTokens(ISSUER);

  private static IdTokenVerifier trusting(Map<String, Object> extra) {
    Map<String, Object> jwk =
        new LinkedHashMap<>(TestKeys.RSA.toParams(OutputControlLevel.PUBLIC_ONLY));
    jwk.remove("use");
    jwk.putAll(extra);
    String jwks = JsonUtil.toJson(Map.of("keys", List.of(jwk)));
    GatehouseConfig api = GatehouseConfig.forIssuer(ISSUER).audiences("orders-api").build();
    return new IdTokenVerifier(
        URI.create(ISSUER),
        CLIENT,
        api.algorithms(),
        api.clock(),
        api.clockSkew(),
        StaticKeySource.parse(jwks, "test"));
  }

  private String idToken() {
    return tokens.valid().audience(CLIENT).claim("nonce", NONCE).build();
  }

  private static void assertRefused(IdTokenVerifier verifier, String idToken) {
    LoginException e = assertThrows(LoginException.class, () -> verifier.verify(idToken, NONCE));
    assertEquals(LoginFailure.ID_TOKEN_INVALID, e.failure());
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-OAEP", "RS384"})
  void whenTheKeyIsPublishedForAnotherAlgorithmThenTheIdTokenIsRefused(String alg) {
    assertRefused(trusting(Map.of("alg", alg)), idToken());
  }

  @Test
  void whenTheKeyIsPublishedForEncryptionThenTheIdTokenIsRefused() {
    assertRefused(trusting(Map.of("use", "enc")), idToken());
    assertRefused(trusting(Map.of("key_ops", List.of("encrypt"))), idToken());
  }

  @Test
  void whenTheKeyAllowsVerifyingWithTheTokensAlgorithmThenTheSubjectIsReturned() {
    IdTokenVerifier verifier =
        trusting(Map.of("alg", "RS256", "use", "sig", "key_ops", List.of("verify")));

    assertEquals(TestTokens.SUBJECT, verifier.verify(idToken(), NONCE));
  }

  /** The access-token path's RFC 7515 encoding rule, which the login's own check lacked. */
  @Test
  void whenTheSignatureIsSpelledNonCanonicallyThenTheIdTokenIsRefused() {
    String token = idToken();
    char last = token.charAt(token.length() - 1);
    int value = ALPHABET.indexOf(last);
    assertEquals(0, value & 1, "the signature was canonical");
    String sameBytes = token.substring(0, token.length() - 1) + ALPHABET.charAt(value | 1);

    assertRefused(trusting(Map.of()), sameBytes);
  }

  @Test
  void whenTheIdTokenIsNotYetValidThenItIsRefused() {
    String token =
        tokens
            .valid()
            .audience(CLIENT)
            .claim("nonce", NONCE)
            .notBefore(Instant.now().plusSeconds(3600))
            .build();

    assertRefused(trusting(Map.of()), token);
  }

  @Test
  void whenTheHeaderTypeIsAnAccessTokensThenTheIdTokenIsRefused() {
    String token = tokens.valid().audience(CLIENT).claim("nonce", NONCE).typ("at+jwt").build();

    assertRefused(trusting(Map.of()), token);
  }
}
