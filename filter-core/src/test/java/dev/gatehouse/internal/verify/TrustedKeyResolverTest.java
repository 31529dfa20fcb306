package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** Which published keys may ever verify a token. */
class TrustedKeyResolverTest {

  private static JsonWebKey publicOnly(PublicJsonWebKey key, String use) throws JoseException {
    PublicJsonWebKey copy = PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey());
    copy.setKeyId(key.getKeyId());
    copy.setUse(use);
    return copy;
  }

  @Test
  void whenTheKeyIsRsa2048EcOrEd25519ThenItIsASignatureKey() throws JoseException {
    assertTrue(SignatureKeys.isSignatureKey(publicOnly(TestKeys.RSA, "sig")));
    assertTrue(SignatureKeys.isSignatureKey(publicOnly(TestKeys.EC, "sig")));
    assertTrue(SignatureKeys.isSignatureKey(TestKeys.ED25519));
  }

  @Test
  void whenUseIsAbsentThenTheKeyIsStillUsable() throws JoseException {
    assertTrue(SignatureKeys.isSignatureKey(publicOnly(TestKeys.RSA, null)));
  }

  @Test
  void whenTheRsaKeyIsShorterThan2048BitsThenItIsNeverUsed() throws JoseException {
    assertFalse(SignatureKeys.isSignatureKey(publicOnly(TestKeys.RSA_1024, "sig")));
  }

  @Test
  void whenTheKeyIsSymmetricThenItIsNeverUsed() {
    assertFalse(SignatureKeys.isSignatureKey(TestKeys.OCT));
  }

  @Test
  void whenTheKeyIsPublishedForEncryptionThenItIsNeverUsed() throws JoseException {
    assertFalse(SignatureKeys.isSignatureKey(publicOnly(TestKeys.RSA, "enc")));
  }

  @Test
  void whenKeyOpsIsPublishedWithoutVerifyThenTheKeyIsNeverUsed() throws JoseException {
    JsonWebKey encryptOnly = publicOnly(TestKeys.RSA, null);
    encryptOnly.setKeyOps(List.of("encrypt", "wrapKey"));
    JsonWebKey verifier = publicOnly(TestKeys.RSA, null);
    verifier.setKeyOps(List.of("verify"));

    assertFalse(SignatureKeys.isSignatureKey(encryptOnly));
    assertTrue(SignatureKeys.isSignatureKey(verifier));
  }

  @Test
  void whenTheKeySetHoldsMoreThanTheLimitThenOnlyTheFirstKeysAreEverTried() throws Exception {
    List<JsonWebKey> keys = new ArrayList<>();
    List<EllipticCurveJsonWebKey> signers = new ArrayList<>();
    for (int i = 0; i < KeySelector.MAX_KEYS + 20; i++) {
      EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
      key.setKeyId("k" + i);
      signers.add(key);
      keys.add(PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey()));
      keys.get(i).setKeyId("k" + i);
    }
    KeySource source =
        new KeySource() {
          @Override
          public List<JsonWebKey> keys() {
            return keys;
          }

          @Override
          public boolean refreshUnknownKey(List<JsonWebKey> seen) {
            return false;
          }
        };
    TrustedKeyResolver resolver = new TrustedKeyResolver(source, Set.of("ES256"));

    assertEquals(keys.get(5).getKey(), resolver.resolveKey(signedBy(signers.get(5)), List.of()));
    BearerTokenException beyond =
        assertThrows(
            BearerTokenException.class,
            () -> resolver.resolveKey(signedBy(signers.get(KeySelector.MAX_KEYS + 5)), List.of()));
    assertEquals(Rejection.UNKNOWN_KEY, beyond.rejection());
  }

  private static JsonWebSignature signedBy(EllipticCurveJsonWebKey key) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload("{}");
    jws.setAlgorithmHeaderValue("ES256");
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setKey(key.getPrivateKey());
    JsonWebSignature parsed = new JsonWebSignature();
    parsed.setCompactSerialization(jws.getCompactSerialization());
    return parsed;
  }
}
