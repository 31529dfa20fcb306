package dev.gatehouse.internal.lean;

import dev.gatehouse.error.Rejection;
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
   * @return accepted with {@code key} when the signature verifies, refused ({@code
   *     invalid_signature}) when it does not; undecided when it could not be checked here (the full
   *     path then decides and reports it as it always has)
   */
  static Verdict<Key> verify(
      LeanHeader header, Key key, byte[] token, int inputLength, byte[] signature) {
    if (header.alg.startsWith("RS")) {
      return pkcs1(header.algorithm.getJavaAlgorithm(), key, token, inputLength, signature);
    }
    try {
      return verdict(
          header.algorithm.verifySignature(
              signature, key, Arrays.copyOf(token, inputLength), DEFAULT_PROVIDERS),
          key);
    } catch (JoseException e) {
      return Verdict.undecided();
    }
  }

  private static Verdict<Key> verdict(boolean valid, Key key) {
    return valid ? Verdict.accepted(key) : Verdict.refused(Rejection.INVALID_SIGNATURE);
  }

  private static Verdict<Key> pkcs1(
      String javaAlgorithm, Key key, byte[] token, int inputLength, byte[] signature) {
    if (!(key instanceof PublicKey publicKey)) {
      return Verdict.undecided();
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
        return verdict(rsa.verify(signature), key);
      } catch (SignatureException e) {
        // as jose4j: a signature the provider cannot even read does not verify
        return Verdict.refused(Rejection.INVALID_SIGNATURE);
      }
    } catch (GeneralSecurityException e) {
      // a key or provider the JDK will not use this way: the full path reports it
      return Verdict.undecided();
    }
  }
}
