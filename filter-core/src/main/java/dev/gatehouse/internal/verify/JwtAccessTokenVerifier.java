package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.internal.lean.LeanVerifier;
import dev.gatehouse.internal.lean.Signed;
import dev.gatehouse.internal.lean.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

/**
 * Verifies signed JWT access tokens: canonical base64url only, signature required, algorithms from
 * the configuration only, {@code iss} exact, {@code aud} containing a configured audience, lifetime
 * against the configured clock.
 *
 * <p>Two paths with one set of rules. The usual token (a plain header naming one trusted key) takes
 * the fast path ({@link LeanVerifier}), which skips jose4j's per-token parsing; every token it
 * leaves undecided goes through one jose4j {@link JwtConsumer}, built once, which is the judge the
 * fast path is tested against. Both share the key selection, the claim validators and the mapper.
 */
public final class JwtAccessTokenVerifier implements JwsVerifier {

  private final JwtConsumer consumer;
  private final ClaimChecks checks;
  private final ClaimsMapper mapper;
  private final LeanVerifier lean;
  private final TrustedKeys trusted;

  /**
   * @param policy the issuer, audiences, algorithms and scope claims of the tokens accepted
   * @param clock the time {@code exp}, {@code nbf} and {@code iat} are compared with
   * @param clockSkew the tolerance of that comparison
   * @param keys the issuer's keys
   */
  public JwtAccessTokenVerifier(
      VerificationPolicy policy, Clock clock, Duration clockSkew, KeySource keys) {
    String[] algorithms = policy.algorithms().toArray(String[]::new);
    KeySelector selection = new KeySelector();
    this.checks =
        new ClaimChecks(
            List.<ErrorCodeValidator>of(
                new IssValidator(policy.issuer().toString(), true),
                new AudValidator(Set.copyOf(policy.audiences()), true),
                new LifetimeValidator(clock, clockSkew)));
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setSkipAllDefaultValidators()
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, algorithms))
            // Encrypted tokens are never accepted: an empty permit list blocks every JWE algorithm.
            .setJweAlgorithmConstraints(ConstraintType.PERMIT)
            .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT)
            .setVerificationKeyResolver(
                new TrustedKeyResolver(keys, policy.algorithms(), selection));
    checks.validators().forEach(builder::registerValidator);
    this.consumer = builder.build();
    this.mapper = new ClaimsMapper(policy.scopeClaims());
    this.lean = new LeanVerifier(keys, selection, policy.algorithms());
    this.trusted = new TrustedKeys(keys);
  }

  @Override
  public Verified verify(CompactJws jws) {
    jws.requireCanonical();
    Verdict<Signed> verdict = lean(jws);
    if (verdict instanceof Verdict.Accepted<Signed> accepted) {
      return checked(accepted.value());
    }
    if (verdict instanceof Verdict.Refused<Signed> refused) {
      throw new BearerTokenException(refused.reason());
    }
    return viaJwtConsumer(jws.token()); // undecided: jose4j judges
  }

  /** For tests: the whole verification of a token given as text. */
  Verified verifyWithKey(String token) {
    return verify(CompactJws.parse(token));
  }

  /** The fast path alone, for tests: its verdict, the claims not yet validated. */
  Verdict<Signed> viaLeanPath(String token) {
    return lean(CompactJws.parse(token).requireCanonical());
  }

  private Verdict<Signed> lean(CompactJws jws) {
    try {
      return lean.verify(jws);
    } catch (BearerTokenException | ProviderUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // Fail closed: a fault in the fast path never lets a token through, nor becomes a 500.
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /** A token the fast path accepted: the full path's claim validators, then the mapper. */
  private Verified checked(Signed signed) {
    try {
      JwtClaims claims = new JwtClaims();
      Map<String, Object> all = signed.claims();
      all.forEach(claims::setClaim);
      checks.check(claims);
      return new Verified(mapper.toAccessToken(claims, all), signed.key(), signed.alg(), trusted);
    } catch (BearerTokenException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN); // fail closed, as above
    }
  }

  /** The full jose4j path: the judge. The canonical-encoding check comes before it. */
  Verified viaJwtConsumer(String token) {
    JwtContext context;
    try {
      context = consumer.process(token);
    } catch (InvalidJwtException e) {
      throw RejectionMapping.toException(e);
    }
    JsonWebStructure jws = context.getJoseObjects().get(0);
    return new Verified(
        mapper.toAccessToken(context.getJwtClaims()),
        jws.getKey(),
        jws.getAlgorithmHeaderValue(),
        trusted);
  }

  /** The canonical-encoding check and the full path, as {@link #verify} would run it; for tests. */
  Verified viaFullPath(String token) {
    CompactJws.parse(token).requireCanonical();
    return viaJwtConsumer(token);
  }
}
