package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.Verdict;
import dev.gatehouse.internal.sender.DpopVerdict.Accepted;
import dev.gatehouse.internal.sender.DpopVerdict.Refused;
import dev.gatehouse.store.ReplayStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a DPoP proof for a request to this resource server, every check of RFC 9449 section 4.3 in
 * that section's order, then records its {@code jti} so that it is not accepted twice.
 *
 * <p>The key is taken from the proof's own {@code jwk} header, the one place a Gatehouse check
 * trusts a key the sender brought: the proof shows possession of that key, and the token's {@code
 * cnf.jkt} (compared last, after the signature) says whether it is the right one. The {@code jti}
 * is recorded only for a proof that passed every other check, so a stream of bad proofs fills no
 * store.
 *
 * <p>The header, key, signature and claims are read by {@link LeanProof} first, which decides the
 * common proof without jose4j's per-proof allocations; whatever it leaves undecided {@link
 * JoseProof} decides, and the differential test holds the two to one answer.
 *
 * <p>Thread-safe; one instance per configuration.
 */
public final class DpopProofVerifier {

  /** Larger than a proof with an RSA-4096 key and a long URI; anything beyond is not a proof. */
  static final int MAX_PROOF_CHARS = 8 * 1024;

  static final String PROOF_TYPE = "dpop+jwt";

  private final DpopSettings settings;
  private final LeanProof lean;
  private final JoseProof judge;
  private final ReplayStore replays;
  private final @Nullable DpopNonces nonces;

  /**
   * @param nonces the server's nonces; required when {@code settings.nonceRequired()}
   */
  public DpopProofVerifier(
      DpopSettings settings, ReplayStore replays, @Nullable DpopNonces nonces) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.replays = Objects.requireNonNull(replays, "replays");
    if (settings.nonceRequired() && nonces == null) {
      throw new IllegalArgumentException("nonces are required, so a DpopNonces must be given");
    }
    this.nonces = nonces;
    this.lean = new LeanProof(settings.algorithms());
    this.judge = new JoseProof(settings.algorithms());
  }

  public DpopSettings settings() {
    return settings;
  }

  /** Accepted with the key's thumbprint, or refused with the first check that failed. */
  public DpopVerdict verify(DpopRequest request) {
    if (request.proofs().isEmpty()) {
      return refuse(Rejection.DPOP_PROOF_MISSING);
    }
    if (request.proofs().size() > 1) {
      return refuse(Rejection.DPOP_PROOF_MULTIPLE);
    }
    String proof = request.proofs().get(0);
    if (proof.length() > MAX_PROOF_CHARS) {
      return refuse(Rejection.DPOP_PROOF_MALFORMED);
    }
    Verdict<ReadProof> read = lean.read(proof);
    if (read instanceof Verdict.Undecided) {
      read = judge.read(proof);
    }
    if (read instanceof Verdict.Refused<ReadProof> refused) {
      return refuse(refused.reason());
    }
    ReadProof signed = ((Verdict.Accepted<ReadProof>) read).value();
    ProofClaims claims = signed.claims();
    Optional<Rejection> claimRefusal = claims.check(request, settings);
    if (claimRefusal.isPresent()) {
      return refuse(claimRefusal.get());
    }
    DpopNonces.Check nonce = DpopNonces.Check.CURRENT;
    if (settings.nonceRequired() && nonces != null) {
      String presented = claims.nonce();
      if (presented == null) {
        return refuse(Rejection.DPOP_NONCE_MISSING);
      }
      nonce = nonces.check(presented, request.now());
      if (nonce == DpopNonces.Check.INVALID) {
        return refuse(Rejection.DPOP_NONCE_INVALID);
      }
    }
    String thumbprint = signed.thumbprint();
    if (!Digests.sameValue(thumbprint, request.boundKey())) {
      return refuse(Rejection.DPOP_KEY_MISMATCH);
    }
    return switch (replays.record(claims.replayKey(), lastAcceptable(claims.issuedAt()))) {
      case FIRST -> new Accepted(thumbprint, nonce == DpopNonces.Check.DUE_FOR_REFRESH);
      case REPLAYED -> refuse(Rejection.DPOP_PROOF_REPLAYED);
      case FULL -> refuse(Rejection.DPOP_REPLAY_CHECK_FULL);
    };
  }

  /** After this instant the {@code iat} check refuses the proof, so its {@code jti} may go. */
  private Instant lastAcceptable(long issuedAt) {
    return Instant.ofEpochSecond(issuedAt)
        .plus(settings.maxAge())
        .plus(settings.skew().tolerance())
        .plusSeconds(1);
  }

  private static Refused refuse(Rejection reason) {
    return new Refused(reason);
  }
}
