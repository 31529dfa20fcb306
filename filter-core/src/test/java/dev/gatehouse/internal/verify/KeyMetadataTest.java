package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key's JWK metadata limits what it may verify: {@code alg} must be the token's, {@code use} must
 * be {@code sig} and {@code key_ops} must hold {@code verify}, when given. Checked on both paths:
 * the lean one and jose4j's {@code JwtConsumer}.
 */
class KeyMetadataTest {

  private static final String ISSUER = "https://tenant.example/";

  private final TestTokens tokens = new TestTokens(ISSUER);

  /** The provider's RSA signing key, published with {@code extra} members added to its JWK. */
  private static JwtAccessTokenVerifier trusting(Map<String, Object> extra, boolean withKid) {
    Map<String, Object> jwk =
        new java.util.LinkedHashMap<>(TestKeys.RSA.toParams(OutputControlLevel.PUBLIC_ONLY));
    jwk.remove("use");
    if (!withKid) {
      jwk.remove("kid");
    }
    jwk.putAll(extra);
    String jwks = JsonUtil.toJson(Map.of("keys", List.of(jwk)));
    GatehouseConfig config =
        GatehouseConfig.forIssuer(ISSUER).audiences(TestTokens.AUDIENCE).publicKey(jwks).build();
    return Steps.verifier(config, StaticKeySource.parse(jwks, "test"));
  }

  private static void assertRefusedOnBothPaths(JwtAccessTokenVerifier verifier, String token) {
    assertEquals(
        Rejection.UNKNOWN_KEY,
        assertThrows(BearerTokenException.class, () -> verifier.verifyWithKey(token)).rejection(),
        "lean path, handing on to the full path where it does");
    assertEquals(
        Rejection.UNKNOWN_KEY,
        assertThrows(BearerTokenException.class, () -> verifier.viaJwtConsumer(token)).rejection(),
        "jose4j's JwtConsumer path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-OAEP", "RS384", "PS256"})
  void whenTheOnlyKeyIsPublishedForAnotherAlgorithmThenAnRs256TokenIsRefused(String alg) {
    JwtAccessTokenVerifier verifier = trusting(Map.of("alg", alg), true);

    assertRefusedOnBothPaths(verifier, tokens.valid().build());
  }

  @Test
  void whenTheOnlyKeyIsPublishedForEncryptionOpsThenAnUnknownKidDoesNotFallBackToIt() {
    JwtAccessTokenVerifier verifier = trusting(Map.of("key_ops", List.of("encrypt")), false);

    assertRefusedOnBothPaths(verifier, tokens.valid().kid("not-published").build());
    assertRefusedOnBothPaths(verifier, tokens.valid().withoutHeader("kid").build());
  }

  @Test
  void whenTheKidLessKeyIsPublishedForAnotherAlgorithmThenAnUnknownKidDoesNotFallBackToIt() {
    JwtAccessTokenVerifier verifier = trusting(Map.of("alg", "RSA-OAEP"), false);

    assertRefusedOnBothPaths(verifier, tokens.valid().kid("not-published").build());
    assertRefusedOnBothPaths(verifier, tokens.valid().withoutHeader("kid").build());
  }

  @Test
  void whenTheKeyIsPublishedForEncryptionUseThenNoPathUsesIt() {
    JwtAccessTokenVerifier named = trusting(Map.of("use", "enc"), true);
    JwtAccessTokenVerifier unnamed = trusting(Map.of("use", "enc"), false);

    assertRefusedOnBothPaths(named, tokens.valid().build());
    assertRefusedOnBothPaths(unnamed, tokens.valid().kid("not-published").build());
  }

  @Test
  void whenAlgUseAndKeyOpsAllAllowVerifyingThenTheTokenIsAcceptedOnBothPaths() {
    JwtAccessTokenVerifier verifier =
        trusting(Map.of("alg", "RS256", "use", "sig", "key_ops", List.of("verify")), true);
    String token = tokens.valid().build();

    assertEquals(
        java.util.Optional.of(TestTokens.SUBJECT), verifier.verifyWithKey(token).token().subject());
    assertEquals(
        java.util.Optional.of(TestTokens.SUBJECT),
        verifier.viaJwtConsumer(token).token().subject());
  }
}
