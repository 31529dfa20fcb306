package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.Verdict;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * The judge: a proof read with jose4j, RFC 9449 section 4.3 checks 2 to 7 in that section's order.
 * Whatever {@link LeanProof} decides must be what this class answers; it decides every proof the
 * lean reading leaves undecided. Never undecided itself. Thread-safe.
 */
final class JoseProof {

  private final Set<String> allowed;
  private final AlgorithmConstraints algorithms;

  JoseProof(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
    this.algorithms =
        new AlgorithmConstraints(ConstraintType.PERMIT, allowed.toArray(new String[0]));
  }

  /** Accepted with the key's thumbprint and the claims, or refused with the first failed check. */
  Verdict<ReadProof> read(String proof) {
    JsonWebSignature jws = parse(proof);
    if (jws == null) {
      return Verdict.refused(Rejection.DPOP_PROOF_MALFORMED);
    }
    if (!DpopProofVerifier.PROOF_TYPE.equalsIgnoreCase(
        stringHeader(jws, HeaderParameterNames.TYPE))) {
      return Verdict.refused(Rejection.DPOP_PROOF_WRONG_TYPE);
    }
    String alg = stringHeader(jws, HeaderParameterNames.ALGORITHM);
    if (alg == null || !allowed.contains(alg)) {
      return Verdict.refused(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM);
    }
    ProofKey key = ProofKey.of(jws.getHeaders().getObjectHeaderValue("jwk"), alg);
    if (key == null) {
      return Verdict.refused(Rejection.DPOP_PROOF_UNUSABLE_KEY);
    }
    if (!signatureHolds(jws, key)) {
      return Verdict.refused(Rejection.DPOP_PROOF_INVALID_SIGNATURE);
    }
    ProofClaims claims = ProofClaims.parse(jws.getUnverifiedPayload());
    if (claims == null) {
      return Verdict.refused(Rejection.DPOP_PROOF_MALFORMED);
    }
    return Verdict.accepted(new ReadProof(key.thumbprint(), claims));
  }

  private static @Nullable JsonWebSignature parse(String proof) {
    try {
      // A critical header would change how the proof is read; none is defined for DPoP.
      if (JsonWebStructure.fromCompactSerialization(proof) instanceof JsonWebSignature jws
          && jws.getHeaders().getObjectHeaderValue(HeaderParameterNames.CRITICAL) == null) {
        return jws;
      }
      return null;
    } catch (JoseException | RuntimeException e) {
      return null;
    }
  }

  /** jose4j's typed getters cast, so a header member of another JSON type would throw. */
  private static @Nullable String stringHeader(JsonWebSignature jws, String name) {
    return jws.getHeaders().getObjectHeaderValue(name) instanceof String value ? value : null;
  }

  private boolean signatureHolds(JsonWebSignature jws, ProofKey key) {
    jws.setAlgorithmConstraints(algorithms);
    jws.setKey(key.publicKey());
    try {
      return jws.verifySignature();
    } catch (JoseException | RuntimeException e) {
      return false;
    }
  }
}
