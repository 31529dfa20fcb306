package dev.gatehouse.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.TestKeys;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys given in the configuration: a PEM public key or a JWKS document. */
class StaticKeySourceTest {

  private static final String PROPERTY = "gatehouse.public-key";

  @Test
  void whenGivenAnRsaPemThenItHoldsThatKey() {
    List<JsonWebKey> keys = StaticKeySource.parse(TestKeys.pem(TestKeys.RSA), PROPERTY).keys();

    assertEquals(1, keys.size());
    assertEquals(TestKeys.RSA.getPublicKey(), keys.get(0).getKey());
  }

  @Test
  void whenGivenAnEcPemThenItHoldsThatKey() {
    List<JsonWebKey> keys = StaticKeySource.parse(TestKeys.pem(TestKeys.EC), PROPERTY).keys();

    assertEquals(TestKeys.EC.getPublicKey(), keys.get(0).getKey());
  }

  @Test
  void whenGivenAJwksThenItHoldsEveryKeyWithItsKid() {
    String jwks = new JsonWebKeySet(TestKeys.published()).toJson(OutputControlLevel.PUBLIC_ONLY);

    List<JsonWebKey> keys = StaticKeySource.parse(jwks, PROPERTY).keys();

    assertEquals(
        List.of("rsa-1", "ec-1", "ed-1"), keys.stream().map(JsonWebKey::getKeyId).toList());
  }

  @Test
  void whenAskedToRefreshThenItNeverFetches() {
    StaticKeySource source = StaticKeySource.parse(TestKeys.pem(TestKeys.RSA), PROPERTY);

    assertFalse(source.refreshUnknownKey(source.keys()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"keys\":[]}",
        "{\"keys\":\"nope\"}",
        "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
        "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----",
        "not base64 at all!",
      })
  void whenTheTextHoldsNoPublicKeyThenTheErrorNamesTheProperty(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StaticKeySource.parse(text, PROPERTY));

    assertTrue(e.getMessage().startsWith(PROPERTY + ": "), e.getMessage());
  }
}
