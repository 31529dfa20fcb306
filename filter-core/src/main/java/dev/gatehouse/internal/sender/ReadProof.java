package dev.gatehouse.internal.sender;

import java.util.Objects;

/**
 * A proof whose header, key and signature passed and whose claims could be read: what both readings
 * of a proof ({@link LeanProof}, {@link JoseProof}) hand on to the checks against the request.
 *
 * @param thumbprint the RFC 7638 thumbprint of the proof's {@code jwk}
 * @param claims the signed claims, not yet compared with the request
 */
record ReadProof(String thumbprint, ProofClaims claims) {

  ReadProof {
    Objects.requireNonNull(thumbprint, "thumbprint");
    Objects.requireNonNull(claims, "claims");
  }
}
