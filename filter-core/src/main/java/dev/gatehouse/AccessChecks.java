package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.AccessPolicy;
import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.authz.ClientPolicy;
import dev.gatehouse.authz.RequiredScopes;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything asked of a verified token before the request goes on, in a fixed order: first what
 * makes the token itself unacceptable (401: client, revocation, claim requirements, the path rule's
 * step-up), then what it is not allowed to do (403: required scopes, the path rule's scopes), then
 * the application's own {@link AccessRule}. A revoked token is therefore never told which scope it
 * lacks.
 */
final class AccessChecks {

  private final ClientPolicy clients;
  private final RevocationStore revocations;
  private final List<ClaimRequirement> claims;
  private final Set<String> requiredScopes;
  private final @Nullable AccessRule applicationRule;
  private final StepUp stepUp;
  private final Clock clock;

  private AccessChecks(AccessPolicy policy, RevocationStore revocations, Clock clock) {
    this.stepUp = new StepUp(clock);
    this.clock = clock;
    this.clients = policy.clients();
    this.revocations = revocations;
    this.claims = policy.claims();
    this.requiredScopes = policy.requiredScopes();
    this.applicationRule = policy.rule().orElse(null);
  }

  /**
   * @param policy what every verified token must satisfy
   * @param revocations asked about every verified token, by its {@code jti}, {@code sub} and {@code
   *     sid}
   * @param clock the time a path rule's maximum authentication age is measured at
   */
  static AccessChecks of(AccessPolicy policy, RevocationStore revocations, Clock clock) {
    return new AccessChecks(policy, revocations, clock);
  }

  /**
   * @param pathAccess what the matching path rule asks for
   * @throws BearerTokenException for the first check the token fails
   */
  void check(HttpServletRequest request, AccessToken token, Access pathAccess) {
    clients.check(token);
    refuseRevoked(token);
    for (ClaimRequirement claim : claims) {
      claim.check(token);
    }
    stepUp.check(token, pathAccess.stepUp());
    RequiredScopes.require(token, requiredScopes);
    pathAccess.check(token);
    if (applicationRule != null) {
      applicationRule.check(request, token);
    }
  }

  /**
   * One {@code find} per request with every key the token can be named by; after the token cache,
   * so a cached token is refused as soon as it is revoked.
   */
  private void refuseRevoked(AccessToken token) {
    if (!revocations.mayHoldAny()) {
      return; // the usual case: nothing revoked, no keys to build
    }
    List<Revocation.Key> keys = new ArrayList<>(3);
    String issuer = token.issuer();
    token.tokenId().ifPresent(id -> keys.add(key(Revocation.Target.TOKEN_ID, issuer, id)));
    token.subject().ifPresent(sub -> keys.add(key(Revocation.Target.SUBJECT, issuer, sub)));
    token
        .claim("sid")
        .filter(String.class::isInstance)
        .ifPresent(sid -> keys.add(key(Revocation.Target.SESSION, issuer, (String) sid)));
    if (keys.isEmpty()) {
      return;
    }
    Instant issuedAt = token.issuedAt().orElse(null);
    Instant now = clock.instant();
    for (Revocation revocation : revocations.find(keys)) {
      if (revocation.refuses(issuedAt, now)) {
        throw new BearerTokenException(Rejection.TOKEN_REVOKED);
      }
    }
  }

  private static Revocation.Key key(Revocation.Target target, String issuer, String value) {
    return new Revocation.Key(target, issuer, value);
  }
}
