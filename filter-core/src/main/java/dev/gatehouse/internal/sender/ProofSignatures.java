package dev.gatehouse.internal.sender;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * The JCA objects a lean proof check needs, made once per thread: looking a {@link Signature} or
 * {@link KeyFactory} up walks the providers and allocates on every call, which a proof (checked on
 * every request, never cached) cannot afford. Each thread's objects are used by that thread only.
 */
final class ProofSignatures {

  private static final ThreadLocal<Map<String, Signature>> SIGNATURES =
      ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<String, KeyFactory>> FACTORIES =
      ThreadLocal.withInitial(HashMap::new);

  private ProofSignatures() {}

  /**
   * This thread's verifier for a JWS {@code alg}; an algorithm the lean path does not check throws.
   * ECDSA in the fixed-length R || S form JWS uses (RFC 7518 section 3.4), so no DER conversion.
   */
  static Signature forAlgorithm(String alg) throws GeneralSecurityException {
    Map<String, Signature> mine = SIGNATURES.get();
    Signature known = mine.get(alg);
    if (known == null) {
      known = create(alg);
      mine.put(alg, known);
    }
    return known;
  }

  /** This thread's factory for {@code "EC"}, {@code "RSA"} or {@code "Ed25519"} keys. */
  static KeyFactory factory(String family) throws GeneralSecurityException {
    Map<String, KeyFactory> mine = FACTORIES.get();
    KeyFactory known = mine.get(family);
    if (known == null) {
      known = KeyFactory.getInstance(family);
      mine.put(family, known);
    }
    return known;
  }

  private static Signature create(String alg) throws GeneralSecurityException {
    return switch (alg) {
      case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
      case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
      case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
      case "EdDSA" -> Signature.getInstance("Ed25519");
      case "RS256" -> Signature.getInstance("SHA256withRSA");
      case "RS384" -> Signature.getInstance("SHA384withRSA");
      case "RS512" -> Signature.getInstance("SHA512withRSA");
      case "PS256" -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
      case "PS384" -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
      case "PS512" -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
      default -> throw new GeneralSecurityException("no lean verifier for " + alg);
    };
  }

  /** RFC 7518 section 3.5: MGF1 with the same hash, a salt as long as the hash. */
  private static Signature pss(String hash, MGF1ParameterSpec mgf, int saltBytes)
      throws GeneralSecurityException {
    Signature pss = Signature.getInstance("RSASSA-PSS");
    pss.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, saltBytes, 1));
    return pss;
  }
}
