package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.CanonicalBase64Url;
import dev.gatehouse.internal.lean.PlainJson;
import dev.gatehouse.internal.lean.SignatureLength;
import dev.gatehouse.internal.lean.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jspecify.annotations.Nullable;

/**
 * The common DPoP proof read without jose4j's per-proof objects: the compact serialization split
 * once, header and claims read by the lean package's {@link PlainJson}, the key built from the
 * header's {@code jwk} by {@link ProofJwk}, the signature checked with this thread's {@link
 * Signature}. It decides only a proof whose three segments are canonical base64url of ASCII JSON,
 * whose header has exactly {@code typ}, {@code alg} and {@code jwk}, whose key {@link ProofJwk}
 * reads and whose signature has its exact length. On such a proof it answers what {@link JoseProof}
 * answers; on any other it is undecided and {@link JoseProof} decides. Thread-safe.
 */
final class LeanProof {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final Set<String> allowed;

  LeanProof(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** Accepted or refused exactly as {@link JoseProof#read} would, or undecided. */
  Verdict<ReadProof> read(String proof) {
    int first = proof.indexOf('.');
    int second = first < 0 ? -1 : proof.indexOf('.', first + 1);
    if (second < 0 || proof.indexOf('.', second + 1) >= 0) {
      return Verdict.undecided();
    }
    Map<String, Object> header = json(proof, 0, first);
    if (header == null
        || header.size() != 3
        || !(header.get("typ") instanceof String typ)
        || !(header.get("alg") instanceof String alg)
        || !(header.get("jwk") instanceof Map<?, ?> jwk)) {
      return Verdict.undecided();
    }
    if (!DpopProofVerifier.PROOF_TYPE.equalsIgnoreCase(typ)) {
      return Verdict.refused(Rejection.DPOP_PROOF_WRONG_TYPE);
    }
    if (!allowed.contains(alg)) {
      return Verdict.refused(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM);
    }
    if (!(ProofJwk.read(jwk, alg) instanceof Verdict.Accepted<ProofJwk> key)) {
      return Verdict.undecided();
    }
    Verdict<Boolean> signature = signatureHolds(proof, second, alg, key.value());
    if (!(signature instanceof Verdict.Accepted<Boolean> checked)) {
      return signature.notAccepted();
    }
    if (!checked.value()) {
      return Verdict.refused(Rejection.DPOP_PROOF_INVALID_SIGNATURE);
    }
    Map<String, Object> payload = json(proof, first + 1, second);
    if (payload == null) {
      return Verdict.undecided();
    }
    JwtClaims claims = new JwtClaims();
    payload.forEach(claims::setClaim);
    ProofClaims read = ProofClaims.of(claims);
    if (read == null) {
      return Verdict.refused(Rejection.DPOP_PROOF_MALFORMED);
    }
    return Verdict.accepted(new ReadProof(key.value().thumbprint(), read));
  }

  /** Accepted with whether it verifies; undecided when the JDK would not check it this way. */
  private static Verdict<Boolean> signatureHolds(
      String proof, int second, String alg, ProofJwk key) {
    int start = second + 1;
    if (!isCanonical(proof, start, proof.length())
        || !SignatureLength.fits(alg, proof.length() - start, key.key())) {
      return Verdict.undecided();
    }
    try {
      byte[] signature = BASE64URL.decode(proof.substring(start));
      Signature verifier = ProofSignatures.forAlgorithm(alg);
      verifier.initVerify(key.key()); // also resets whatever an earlier failure left behind
      // ASCII: both segments before were decoded as base64url
      verifier.update(proof.getBytes(StandardCharsets.ISO_8859_1), 0, second);
      return Verdict.accepted(verifier.verify(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Verdict.undecided();
    }
  }

  /** The JSON object in {@code proof[start, end)}, or null when it is not plainly one. */
  private static @Nullable Map<String, Object> json(String proof, int start, int end) {
    if (!isCanonical(proof, start, end)) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = BASE64URL.decode(proof.substring(start, end));
    } catch (IllegalArgumentException e) {
      return null;
    }
    char[] text = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return null; // not ASCII: jose4j's UTF-8 decoding decides
      }
      text[i] = (char) bytes[i];
    }
    return PlainJson.object(new String(text)) instanceof Verdict.Accepted<Map<String, Object>> o
        ? o.value()
        : null;
  }

  static boolean isCanonical(String text) {
    return CanonicalBase64Url.isCanonical(text, 0, text.length());
  }

  private static boolean isCanonical(String s, int start, int end) {
    return CanonicalBase64Url.isCanonical(s, start, end);
  }
}
