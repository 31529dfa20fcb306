package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.PathRule;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.error.AuthScheme;
import dev.gatehouse.error.BearerErrorCode;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Challenge;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.challenge.ChallengeWriter;
import dev.gatehouse.internal.extract.PresentedToken;
import dev.gatehouse.internal.sender.DpopNonces;
import dev.gatehouse.internal.sender.DpopProofVerifier;
import dev.gatehouse.internal.sender.DpopRequest;
import dev.gatehouse.internal.sender.DpopSettings;
import dev.gatehouse.internal.sender.DpopVerdict;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's DPoP step (RFC 9449 section 7): which schemes a path accepts, the binding of the
 * token to the scheme it came with, and the proof, checked on every request after the token, since
 * a proof is never cached even when the token is.
 */
final class DpopStep {

  private static final Set<AuthScheme> BEARER_ONLY = Set.of(AuthScheme.BEARER);
  private static final Set<AuthScheme> BOTH = Set.of(AuthScheme.BEARER, AuthScheme.DPOP);
  private static final Set<AuthScheme> DPOP_ONLY = Set.of(AuthScheme.DPOP);

  /** Entries of a full replay store expire every second or so under the load that filled it. */
  static final Duration FULL_STORE_RETRY = Duration.ofSeconds(1);

  private final DpopPolicy policy;
  private final Clock clock;
  private final boolean used;
  private final DpopProofVerifier proofs;
  private final @Nullable DpopProofVerifier proofsWithNonce;
  private final @Nullable DpopNonces nonces;

  /**
   * @param replays where used proofs are remembered, and {@code secrets} what nonces are made with:
   *     both from the filter's store, so that nodes sharing it agree
   */
  DpopStep(
      DpopPolicy policy,
      PathRules rules,
      ClockSkew skew,
      Clock clock,
      ReplayStore replays,
      NonceSecrets secrets) {
    this.policy = policy;
    this.clock = clock;
    this.used = policy.schemeOn() || rules.rules().stream().anyMatch(DpopStep::acceptsDpop);
    boolean noncesUsed =
        policy.nonceRequired() || rules.rules().stream().anyMatch(DpopStep::turnsNoncesOn);
    this.nonces = noncesUsed ? new DpopNonces(secrets, policy.nonceSlot()) : null;
    // One store for both verifiers: a proof is single use whichever path's policy checked it.
    DpopSettings settings =
        new DpopSettings(policy.algorithms(), policy.proofMaxAge(), skew, false);
    this.proofs = new DpopProofVerifier(settings, replays, null);
    this.proofsWithNonce =
        nonces == null
            ? null
            : new DpopProofVerifier(settings.withNonceRequired(true), replays, nonces);
  }

  /** Whether any path accepts the DPoP scheme; if none does, the step only refuses downgrades. */
  boolean used() {
    return used;
  }

  /** The challenge writer, announcing the proof algorithms when any path accepts DPoP. */
  ChallengeWriter challengeWriter(String realm, @Nullable String resourceMetadata) {
    return new ChallengeWriter(realm, resourceMetadata, algorithms());
  }

  /** The proof algorithms announced in challenges and metadata; none when DPoP is off. */
  List<String> algorithms() {
    return used ? List.copyOf(policy.algorithms()) : List.of();
  }

  /** Whether every path that needs a token takes DPoP-bound tokens only (RFC 9728 metadata). */
  boolean requiredEverywhere() {
    return policy.mode() == DpopMode.REQUIRED;
  }

  DpopMode mode(Access access) {
    return access.dpop().orElse(policy.mode());
  }

  /** The schemes a path in this mode accepts; one constant per mode, nothing made per request. */
  Set<AuthScheme> offered(DpopMode mode) {
    return switch (mode) {
      case OFF -> BEARER_ONLY;
      case ALLOWED -> BOTH;
      case REQUIRED -> DPOP_ONLY;
    };
  }

  /**
   * Checks that the verified token may be used with the scheme it came with, and for DPoP the
   * proof; sets {@code DPoP-Nonce} on the response when a fresh nonce is due.
   *
   * @throws BearerTokenException when the binding or the proof does not hold
   * @throws ProviderUnavailableException when the replay store is full
   */
  void confirm(
      PresentedToken presented,
      AccessToken token,
      Access access,
      HttpServletRequest request,
      HttpServletResponse response) {
    // A malformed cnf.jkt has an empty thumbprint: still bound, and matching no proof key.
    String jkt =
        TokenBinding.in(token.claims(), TokenBinding.Kind.JKT)
            .map(TokenBinding::thumbprint)
            .orElse(null);
    if (presented.scheme() == AuthScheme.BEARER) {
      if (jkt != null || introspectedAsDpop(token)) {
        throw new BearerTokenException(Rejection.DPOP_BOUND_TOKEN_AS_BEARER);
      }
      return;
    }
    if (jkt == null) {
      throw new BearerTokenException(Rejection.DPOP_TOKEN_NOT_BOUND);
    }
    boolean nonceRequired = access.dpopNonce().orElse(policy.nonceRequired());
    DpopProofVerifier verifier =
        nonceRequired ? Objects.requireNonNull(proofsWithNonce, "nonce verifier") : proofs;
    DpopVerdict verdict =
        verifier.verify(
            new DpopRequest(
                request.getMethod(),
                TargetUris.of(request, policy.publicBaseUrl()),
                Collections.list(request.getHeaders("DPoP")),
                presented.value(),
                jkt,
                clock.instant()));
    if (verdict instanceof DpopVerdict.Refused refused) {
      throw refusal(refused.reason());
    }
    if (nonces != null && ((DpopVerdict.Accepted) verdict).freshNonceDue()) {
      ChallengeWriter.sendNonce(response, nonces.issue(clock.instant()));
    }
  }

  /** RFC 9449 section 6.2: an introspection response says {@code token_type} DPoP. */
  private static boolean introspectedAsDpop(AccessToken token) {
    return token.claim("token_type").filter(t -> "DPoP".equalsIgnoreCase(t.toString())).isPresent();
  }

  /**
   * A refused proof, with a fresh nonce when it lacked a good one (section 9). A full replay store
   * cannot say whether the proof is new: that is an outage, answered 503, not the client's fault.
   */
  private RuntimeException refusal(Rejection reason) {
    if (reason == Rejection.DPOP_REPLAY_CHECK_FULL) {
      return new ProviderUnavailableException(
          ProviderUnavailableException.Cause.DPOP_REPLAY_STORE_FULL, FULL_STORE_RETRY, null);
    }
    BearerTokenException e = new BearerTokenException(reason);
    if (nonces != null && reason.error().orElse(null) == BearerErrorCode.USE_DPOP_NONCE) {
      return e.challenging(
          Challenge.usedOn(AuthScheme.DPOP, Set.of(AuthScheme.DPOP))
              .withNonce(nonces.issue(clock.instant())));
    }
    return e;
  }

  private static boolean turnsNoncesOn(PathRule rule) {
    return rule.access().dpopNonce().orElse(false);
  }

  private static boolean acceptsDpop(PathRule rule) {
    return rule.access().dpop().filter(m -> m != DpopMode.OFF).isPresent();
  }
}
