package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.AccessChecks;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ChallengeWriter;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.metrics.GatehouseCounters;
import dev.gatehouse.token.BearerTokenExtractor;
import dev.gatehouse.token.RequestTokenExtractor;
import dev.gatehouse.verify.AccessTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;

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
  private final ChallengeWriter challenges;
  private final GatehouseConfig config;
  private final GatehouseCounters counters = new GatehouseCounters();

  private Pipeline(GatehouseConfig config) {
    this.config = config;
    this.rules = config.pathRules();
    this.extractor =
        new RequestTokenExtractor(
            config.queryParameterTokens(),
            config.formParameterTokens(),
            config.maxTokenLength(),
            config.introspection().isPresent());
    this.verifier = Verifiers.of(config, counters);
    this.checks = AccessChecks.of(config);
    this.identityHeaders = config.identityHeaders().orElse(null);
    this.challenges = new ChallengeWriter(config.realm());
  }

  static Pipeline of(GatehouseConfig config) {
    return new Pipeline(config);
  }

  GatehouseConfig config() {
    return config;
  }

  ChallengeWriter challenges() {
    return challenges;
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
      return identityHeaders == null
          ? request
          : IdentityHeaderRequest.stripped(request, identityHeaders);
    }
    String raw =
        extractor
            .extract(request)
            .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
    AccessToken token = verifier.verify(raw);
    checks.check(request, token, access);
    counters.accepted();
    HttpServletRequest authenticated = new AuthenticatedRequest(request, token);
    return identityHeaders == null
        ? authenticated
        : IdentityHeaderRequest.carrying(authenticated, identityHeaders, token);
  }
}
