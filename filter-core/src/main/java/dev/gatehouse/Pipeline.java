package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.authz.Revocations;
import dev.gatehouse.error.AuthScheme;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Challenge;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.challenge.ChallengeWriter;
import dev.gatehouse.internal.discovery.Providers;
import dev.gatehouse.internal.extract.PresentedToken;
import dev.gatehouse.internal.extract.RequestTokenExtractor;
import dev.gatehouse.internal.metrics.GatehouseCounters;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenBinding;
import dev.gatehouse.token.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * The filter's steps, built once per configuration and shared by all requests: path rule, token
 * extraction, verification, access checks, and the request handed on.
 */
final class Pipeline {

  private final PathRules rules;
  private final RequestTokenExtractor extractor;
  private final DpopStep dpop;
  private final AccessTokenVerifier verifier;
  private final AccessChecks checks;
  private final IdentityHandOn handOn;
  private final ChallengeWriter challenges;
  private final GatehouseConfig config;
  private final GatehouseCounters counters = new GatehouseCounters();
  private final Providers providers;
  private final FilterStore store;
  private final CertificateBoundTokens certificateBound;
  private final Optional<ResourceMetadata> metadata;

  private Pipeline(GatehouseConfig config) {
    this.config = config;
    this.rules = config.pathRules();
    this.store = FilterStore.open(config, counters);
    this.dpop =
        new DpopStep(
            config.dpop(),
            rules,
            ClockSkew.of(config.clockSkew()),
            config.clock(),
            store.inUse().replays(),
            store.inUse().nonceSecrets());
    this.extractor =
        new RequestTokenExtractor(
            config.tokens().queryParameter(),
            config.tokens().formParameter(),
            config.tokens().maxLength(),
            Verifiers.acceptsOtherShapes(config),
            dpop.used());
    this.providers = Verifiers.providers(config, counters);
    this.verifier = Verifiers.of(config, providers, counters, store.inUse().introspections());
    this.checks = AccessChecks.of(config.access(), store.inUse().revocations(), config.clock());
    this.handOn = new IdentityHandOn(config);
    this.certificateBound =
        new CertificateBoundTokens(config.protectedResource().clientCertificates());
    this.metadata =
        ResourceMetadata.of(config)
            .map(m -> dpop.used() ? m.withDpop(dpop.algorithms(), dpop.requiredEverywhere()) : m);
    this.challenges =
        dpop.challengeWriter(
            config.realm(),
            config.protectedResource().metadataUrl().map(Object::toString).orElse(null));
  }

  static Pipeline of(GatehouseConfig config) {
    return new Pipeline(config);
  }

  GatehouseConfig config() {
    return config;
  }

  /** The application's revocation API, writing to {@link #store()}. */
  Revocations revocations() {
    return store.revocations();
  }

  /** The store every check asks, seen through the failure policy. */
  SharedStore store() {
    return store.inUse();
  }

  /** Closes the store this pipeline made (never one the application built). */
  void close() {
    store.close();
  }

  ChallengeWriter challenges() {
    return challenges;
  }

  /** The protected resource metadata document, when a resource identifier is configured. */
  Optional<ResourceMetadata> metadata() {
    return metadata;
  }

  /** One provider per trusted issuer, shared with a login filter that contains this one. */
  Providers providers() {
    return providers;
  }

  /** This pipeline's counters; each filter instance has its own. */
  GatehouseCounters counters() {
    return counters;
  }

  /**
   * The request to hand on: on a public path as it came (less any identity headers); otherwise with
   * a verified token that passed every check, and for a DPoP-bound token a valid proof.
   *
   * @param response gets a fresh {@code DPoP-Nonce} when one is due
   * @throws BearerTokenException when the request is refused, with the schemes to answer with
   * @throws dev.gatehouse.error.ProviderUnavailableException when the token cannot be checked now
   */
  HttpServletRequest admit(HttpServletRequest request, HttpServletResponse response) {
    Access access = rules.decide(request);
    if (access.kind() == Access.Kind.DENY) {
      throw new BearerTokenException(Rejection.PATH_DENIED);
    }
    if (!access.needsToken()) {
      counters.publicPath();
      return handOn.withoutIdentity(request);
    }
    DpopMode mode = dpop.mode(access);
    Set<AuthScheme> offered = dpop.offered(mode);
    AuthScheme used = null;
    try {
      PresentedToken presented = present(request, mode);
      used = presented.scheme();
      if (used == AuthScheme.BEARER && mode == DpopMode.REQUIRED) {
        throw new BearerTokenException(Rejection.DPOP_REQUIRED);
      }
      AccessToken token = verifier.verify(presented.value());
      dpop.confirm(presented, token, access, request, response);
      certificateBound.check(request, token);
      TokenPrincipal caller = handOn.callerOf(token);
      checks.check(request, token, access);
      counters.accepted();
      return handOn.withIdentity(request, caller);
    } catch (BearerTokenException e) {
      // Two tokens at once is an error on each scheme; otherwise on the one the client used.
      Challenge schemes =
          e.rejection() == Rejection.MULTIPLE_TOKENS
              ? new Challenge(offered, offered, null)
              : Challenge.usedOn(used != null ? used : schemeTried(request, mode), offered);
      String nonce = e.challenge().map(Challenge::dpopNonce).orElse(null);
      throw e.challenging(nonce == null ? schemes : schemes.withNonce(nonce));
    }
  }

  /**
   * A refusal by the application of a request this pipeline admitted: answered on the DPoP scheme
   * when the token came with it (a DPoP-bound token is admitted with no other).
   */
  BearerTokenException answeredAfterAdmission(
      HttpServletRequest admitted, BearerTokenException refusal) {
    boolean dpopBound =
        AccessToken.from(admitted)
            .flatMap(t -> TokenBinding.in(t.claims(), TokenBinding.Kind.JKT))
            .isPresent();
    return dpopBound && refusal.challenge().isEmpty()
        ? refusal.challenging(Challenge.usedOn(AuthScheme.DPOP, Set.of(AuthScheme.DPOP)))
        : refusal;
  }

  /** For a credential refused before its scheme was read: the scheme its header names. */
  private static AuthScheme schemeTried(HttpServletRequest request, DpopMode mode) {
    String header = request.getHeader("Authorization");
    return mode != DpopMode.OFF && header != null && header.regionMatches(true, 0, "DPoP", 0, 4)
        ? AuthScheme.DPOP
        : AuthScheme.BEARER;
  }

  /** The request's token; the DPoP scheme on a path where it is off counts as none. */
  private PresentedToken present(HttpServletRequest request, DpopMode mode) {
    return extractor
        .present(request)
        .filter(t -> t.scheme() == AuthScheme.BEARER || mode != DpopMode.OFF)
        .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
  }

  /**
   * As {@link #admit}, except that a request with no token at all, on a path whose rule asks for
   * nothing more than authentication, goes on without an identity instead of being refused.
   */
  HttpServletRequest admitOrPassAnonymous(
      HttpServletRequest request, HttpServletResponse response) {
    try {
      return admit(request, response);
    } catch (BearerTokenException e) {
      // MISSING_TOKEN means the extractor found nothing: no token was looked at or refused.
      if (e.rejection() != Rejection.MISSING_TOKEN) {
        throw e;
      }
      // A step-up rule asks for more than authentication, so it never passes anonymously.
      Access access = rules.decide(request);
      if (access.kind() != Access.Kind.AUTHENTICATED || !access.stepUp().isEmpty()) {
        throw e;
      }
      counters.publicPath();
      return handOn.withoutIdentity(request);
    }
  }

  /** For ERROR and ASYNC dispatches: see {@link IdentityHandOn#readmit}. */
  HttpServletRequest readmit(HttpServletRequest request) {
    return handOn.readmit(request);
  }

  /**
   * @throws BearerTokenException when the client sent its own copy of an identity header
   */
  void refuseClientIdentity(HttpServletRequest request) {
    handOn.refuseClientIdentity(request);
  }
}
