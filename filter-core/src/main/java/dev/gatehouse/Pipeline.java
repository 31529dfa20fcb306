package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.internal.authz.AccessChecks;
import dev.gatehouse.authz.InMemoryRevocationList;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.authz.RevocationList;
import dev.gatehouse.internal.discovery.Providers;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.internal.challenge.ChallengeWriter;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.metrics.GatehouseCounters;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.internal.extract.BearerTokenExtractor;
import dev.gatehouse.token.PrincipalClaim;
import dev.gatehouse.internal.extract.RequestTokenExtractor;
import dev.gatehouse.token.TokenPrincipal;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The filter's steps, built once per configuration and shared by all requests: path rule, token
 * extraction, verification, access checks, and the request handed on.
 */
final class Pipeline {

  private final PathRules rules;
  private final BearerTokenExtractor extractor;
  private final AccessTokenVerifier verifier;
  private final AccessChecks checks;
  private final IdentityHeaders identityHeaders;
  private final PrincipalClaim principalClaim;
  private final ChallengeWriter challenges;
  private final GatehouseConfig config;
  private final GatehouseCounters counters = new GatehouseCounters();
  private final Providers providers;
  private final RevocationList revocations;

  private Pipeline(GatehouseConfig config) {
    this.config = config;
    this.rules = config.pathRules();
    this.extractor =
        new RequestTokenExtractor(
            config.tokens().queryParameter(),
            config.tokens().formParameter(),
            config.tokens().maxLength(),
            Verifiers.acceptsOtherShapes(config));
    this.providers = Verifiers.providers(config, counters);
    this.verifier = Verifiers.of(config, providers, counters);
    // The default store is made here, per filter, so that a configuration holds no live state.
    this.revocations =
        config
            .revocations()
            .orElseGet(
                () ->
                    new InMemoryRevocationList(
                        config.clock(),
                        config.clockSkew(),
                        InMemoryRevocationList.DEFAULT_MAX_ENTRIES));
    this.checks = AccessChecks.of(config.access(), revocations);
    this.identityHeaders = config.identityHeaders().orElse(null);
    this.principalClaim = config.principalClaim();
    this.challenges = new ChallengeWriter(config.realm());
  }

  static Pipeline of(GatehouseConfig config) {
    return new Pipeline(config);
  }

  GatehouseConfig config() {
    return config;
  }

  /** The configured store of revoked token ids, or the one this pipeline made. */
  RevocationList revocations() {
    return revocations;
  }

  ChallengeWriter challenges() {
    return challenges;
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
   * The request to hand on: on a public path as it came (less any identity headers); otherwise
   * with a verified token that passed every check.
   *
   * @throws BearerTokenException when the request is refused
   * @throws dev.gatehouse.error.ProviderUnavailableException when the token cannot be checked now
   */
  HttpServletRequest admit(HttpServletRequest request) {
    Access access = rules.decide(request);
    if (access.kind() == Access.Kind.DENY) {
      throw new BearerTokenException(Rejection.PATH_DENIED);
    }
    if (!access.needsToken()) {
      counters.publicPath();
      return withoutIdentity(request);
    }
    String raw =
        extractor
            .extract(request)
            .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
    AccessToken token = verifier.verify(raw);
    TokenPrincipal caller = principalClaim.principalOf(token);
    checks.check(request, token, access);
    counters.accepted();
    return withIdentity(request, caller);
  }

  /**
   * As {@link #admit}, except that a request with no token at all, on a path whose rule asks for
   * nothing more than authentication, goes on without an identity instead of being refused.
   */
  HttpServletRequest admitOrPassAnonymous(HttpServletRequest request) {
    try {
      return admit(request);
    } catch (BearerTokenException e) {
      // MISSING_TOKEN means the extractor found nothing: no token was looked at or refused.
      if (e.rejection() != Rejection.MISSING_TOKEN
          || rules.decide(request).kind() != Access.Kind.AUTHENTICATED) {
        throw e;
      }
      counters.publicPath();
      return withoutIdentity(request);
    }
  }

  /**
   * For ERROR and ASYNC dispatches: the identity this filter admitted on the client's request, read
   * back from the request attribute and never verified again; none if it admitted none.
   */
  HttpServletRequest readmit(HttpServletRequest request) {
    Optional<AccessToken> token = AccessToken.from(request);
    // The principal admitted with the token, not named again: a later dispatch is never refused.
    Object admitted = request.getAttribute(AccessToken.PRINCIPAL_ATTRIBUTE);
    return token.isPresent() && admitted instanceof TokenPrincipal p && p.token() == token.get()
        ? withIdentity(request, p)
        : withoutIdentity(request);
  }

  /**
   * Copies of the identity headers are set by this filter only. Refusing a client's copy on the
   * client's request, rather than only hiding it, holds however the filter is mapped: a dispatch
   * the filter does not see (an error page or async dispatch without a mapping for it) receives
   * the container's own request, without any wrapper of ours.
   *
   * @throws BearerTokenException when the client sent one
   */
  void refuseClientIdentity(HttpServletRequest request) {
    if (identityHeaders != null && identityHeaders.presentIn(request)) {
      throw new BearerTokenException(Rejection.IDENTITY_HEADER_FROM_CLIENT);
    }
  }

  private HttpServletRequest withIdentity(HttpServletRequest request, TokenPrincipal caller) {
    HttpServletRequest authenticated = new AuthenticatedRequest(request, caller);
    return identityHeaders == null
        ? authenticated
        : IdentityHeaderRequest.carrying(
            authenticated,
            identityHeaders,
            caller.token(),
            principalClaim.valueIn(caller.token()).orElse(null));
  }

  private HttpServletRequest withoutIdentity(HttpServletRequest request) {
    return identityHeaders == null
        ? request
        : IdentityHeaderRequest.stripped(request, identityHeaders);
  }
}
