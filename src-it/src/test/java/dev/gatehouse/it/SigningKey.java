package dev.gatehouse.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/** An RSA signing key generated for this test run, with its {@code kid}. */
record SigningKey(String keyId, KeyPair pair) {

  static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SigningKey("it-" + UUID.randomUUID(), generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has RSA", e);
    }
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) pair.getPublic();
  }

  RSAPrivateKey privateKey() {
    return (RSAPrivateKey) pair.getPrivate();
  }

  /** The form mock-oauth2-server signs with and publishes (public part only) in its JWKS. */
  RSAKey toProviderKey() {
    return new RSAKey.Builder(publicKey())
        .privateKey(privateKey())
        .keyID(keyId)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .build();
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
