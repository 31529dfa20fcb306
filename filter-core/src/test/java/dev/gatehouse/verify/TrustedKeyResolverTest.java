package dev.gatehouse.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.TestKeys;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
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
    assertTrue(TrustedKeyResolver.isSignatureKey(publicOnly(TestKeys.RSA, "sig")));
    assertTrue(TrustedKeyResolver.isSignatureKey(publicOnly(TestKeys.EC, "sig")));
    assertTrue(TrustedKeyResolver.isSignatureKey(TestKeys.ED25519));
  }

  @Test
  void whenUseIsAbsentThenTheKeyIsStillUsable() throws JoseException {
    assertTrue(TrustedKeyResolver.isSignatureKey(publicOnly(TestKeys.RSA, null)));
  }

  @Test
  void whenTheRsaKeyIsShorterThan2048BitsThenItIsNeverUsed() throws JoseException {
    assertFalse(TrustedKeyResolver.isSignatureKey(publicOnly(TestKeys.RSA_1024, "sig")));
  }

  @Test
  void whenTheKeyIsSymmetricThenItIsNeverUsed() {
    assertFalse(TrustedKeyResolver.isSignatureKey(TestKeys.OCT));
  }

  @Test
  void whenTheKeyIsPublishedForEncryptionThenItIsNeverUsed() throws JoseException {
    assertFalse(TrustedKeyResolver.isSignatureKey(publicOnly(TestKeys.RSA, "enc")));
  }
}
