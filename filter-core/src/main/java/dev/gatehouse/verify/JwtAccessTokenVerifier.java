package dev.gatehouse.verify;

import dev.gatehouse.AccessToken;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import java.security.Key;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
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
 * {@link LeanJwsVerifier}, which skips jose4j's per-token parsing; every other token, and every
 * case the lean path does not handle exactly alike, goes through one jose4j {@link JwtConsumer},
 * built once. Both share the key resolver, the claim validators and the mapper.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

  private final JwtConsumer consumer;
  private final ClaimsMapper mapper;
  private final LeanJwsVerifier lean;

  public JwtAccessTokenVerifier(GatehouseConfig config, KeySource keys) {
    String[] algorithms = config.algorithms().toArray(String[]::new);
    TrustedKeyResolver resolver = new TrustedKeyResolver(keys, config.algorithms());
    ClaimChecks checks =
        new ClaimChecks(
            List.<ErrorCodeValidator>of(
                new IssValidator(config.issuer().toString(), true),
                new AudValidator(Set.copyOf(config.audiences()), true),
                new LifetimeValidator(config.clock(), config.clockSkew())));
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setSkipAllDefaultValidators()
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(ConstraintType.PERMIT, algorithms))
            // Encrypted tokens are never accepted: an empty permit list blocks every JWE algorithm.
            .setJweAlgorithmConstraints(ConstraintType.PERMIT)
            .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT)
            .setVerificationKeyResolver(resolver);
    checks.validators().forEach(builder::registerValidator);
    this.consumer = builder.build();
    this.mapper = new ClaimsMapper(config.scopeClaims());
    this.lean =
        new LeanJwsVerifier(
            keys, resolver, new HeaderCache(config.algorithms()), checks, mapper);
  }

  @Override
  public AccessToken verify(String token) {
    return verifyWithKey(token).token();
  }

  /** Also says which key verified the signature, so a cache can drop the token with the key. */
  Verified verifyWithKey(String token) {
    CanonicalBase64Url.require(token);
    Verified verified = lean(token);
    return verified != null ? verified : viaJwtConsumer(token);
  }

  /** The lean path alone: null when it hands the token to the full path. For tests. */
  Verified viaLeanPath(String token) {
    CanonicalBase64Url.require(token);
    return lean(token);
  }

  private Verified lean(String token) {
    try {
      return lean.verify(token);
    } catch (BearerTokenException | ProviderUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // Fail closed: a fault in the lean path never lets a token through, nor becomes a 500.
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /** The full jose4j path; also the reference the lean path is tested against. */
  Verified viaJwtConsumer(String token) {
    JwtContext context;
    try {
      context = consumer.process(token);
    } catch (InvalidJwtException e) {
      throw RejectionMapping.toException(e);
    }
    JsonWebStructure jws = context.getJoseObjects().get(0);
    return new Verified(
        mapper.toAccessToken(context.getJwtClaims()), jws.getKey(), jws.getAlgorithmHeaderValue());
  }

  /** A verified token, the key that verified it and the algorithm it was verified with. */
  record Verified(AccessToken token, Key key, String alg) {}
}
