package dev.gatehouse.verify;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jca.ProviderContext;
import org.jose4j.lang.JoseException;

/**
 * Checks a JWS signature with exactly what jose4j's algorithm object uses. For RS256, RS384 and
 * RS512 that is a plain JCA {@link Signature} ({@code SHA256withRSA} and so on, default providers,
 * no parameters), which is kept per thread and initialised with the key on each call instead of
 * being looked up anew; everything else (PSS with its parameters, ECDSA with its R and S checks,
 * EdDSA) goes to jose4j's {@code verifySignature} itself.
 */
final class LeanSignature {

  /** jose4j's default: the JDK's providers, nothing configured. Only read. */
  private static final ProviderContext DEFAULT_PROVIDERS = new ProviderContext();

  private static final ThreadLocal<Map<String, Signature>> PKCS1 =
      ThreadLocal.withInitial(HashMap::new);

  private LeanSignature() {}

  /**
   * @param token the compact serialization as bytes; its first {@code inputLength} bytes are the
   *     signing input
   * @return whether the signature verifies; null when it could not be checked here (the full path
   *     then decides and reports it as it always has)
   */
  static Boolean verify(
      LeanHeader header, Key key, byte[] token, int inputLength, byte[] signature) {
    if (header.alg.startsWith("RS")) {
      return pkcs1(header.algorithm.getJavaAlgorithm(), key, token, inputLength, signature);
    }
    try {
      return header.algorithm.verifySignature(
          signature, key, Arrays.copyOf(token, inputLength), DEFAULT_PROVIDERS);
    } catch (JoseException e) {
      return null;
    }
  }

  private static Boolean pkcs1(
      String javaAlgorithm, Key key, byte[] token, int inputLength, byte[] signature) {
    if (!(key instanceof PublicKey publicKey)) {
      return null;
    }
    try {
      Signature rsa = PKCS1.get().get(javaAlgorithm);
      if (rsa == null) {
        rsa = Signature.getInstance(javaAlgorithm);
        PKCS1.get().put(javaAlgorithm, rsa);
      }
      rsa.initVerify(publicKey); // also resets whatever an earlier failure left behind
      rsa.update(token, 0, inputLength);
      try {
        return rsa.verify(signature);
      } catch (SignatureException e) {
        return false; // as jose4j: a signature the provider cannot even read does not verify
      }
    } catch (GeneralSecurityException e) {
      return null; // a key or provider the JDK will not use this way: the full path reports it
    }
  }
}
