package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.discovery.StaticKeySource;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login's ID token keys follow the same JWK metadata rules as the access-token path. */
class IdTokenKeyResolverTest {

  private final TestTokens tokens = new TestTokens("https://tenant.example/");

  private static IdTokenKeyResolver trusting(Map<String, Object> extra) {
    Map<String, Object> jwk =
        new LinkedHashMap<>(TestKeys.RSA.toParams(OutputControlLevel.PUBLIC_ONLY));
    jwk.remove("use");
    jwk.putAll(extra);
    String jwks = JsonUtil.toJson(Map.of("keys", List.of(jwk)));
    return new IdTokenKeyResolver(StaticKeySource.parse(jwks, "test"), Set.of("RS256"));
  }

  private static JsonWebSignature parsed(String compact) throws JoseException {
    return (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA-OAEP", "RS384"})
  void whenTheIdTokenKeyIsPublishedForAnotherAlgorithmThenItIsNotUsed(String alg)
      throws JoseException {
    IdTokenKeyResolver resolver = trusting(Map.of("alg", alg));
    JsonWebSignature jws = parsed(tokens.valid().build());

    assertThrows(UnresolvableKeyException.class, () -> resolver.resolveKey(jws, List.of()));
  }

  @Test
  void whenTheIdTokenKeyIsPublishedForEncryptionThenItIsNotUsed() throws JoseException {
    JsonWebSignature jws = parsed(tokens.valid().build());

    assertThrows(
        UnresolvableKeyException.class,
        () -> trusting(Map.of("use", "enc")).resolveKey(jws, List.of()));
    assertThrows(
        UnresolvableKeyException.class,
        () -> trusting(Map.of("key_ops", List.of("encrypt"))).resolveKey(jws, List.of()));
  }

  @Test
  void whenTheIdTokenKeyAllowsVerifyingWithTheTokensAlgorithmThenItIsUsed() throws Exception {
    JsonWebSignature jws = parsed(tokens.valid().build());
    IdTokenKeyResolver resolver =
        trusting(Map.of("alg", "RS256", "use", "sig", "key_ops", List.of("verify")));

    assertEquals(TestKeys.RSA.getPublicKey(), resolver.resolveKey(jws, List.of()));
  }
}
