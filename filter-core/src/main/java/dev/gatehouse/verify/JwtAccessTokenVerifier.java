package dev.gatehouse.verify;

import dev.gatehouse.AccessToken;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.discovery.KeySource;
import java.security.Key;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies signed JWT access tokens with one jose4j {@link JwtConsumer}, built once: canonical
 * base64url only, signature required, algorithms from the configuration only, {@code iss} exact,
 * {@code aud} containing a configured audience, lifetime against the configured clock.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

  private final JwtConsumer consumer;
  private final ClaimsMapper mapper;

  public JwtAccessTokenVerifier(GatehouseConfig config, KeySource keys) {
    String[] algorithms = config.algorithms().toArray(String[]::new);
    this.consumer =
        new JwtConsumerBuilder()
            .setSkipAllDefaultValidators()
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(ConstraintType.PERMIT, algorithms))
            // Encrypted tokens are never accepted: an empty permit list blocks every JWE algorithm.
            .setJweAlgorithmConstraints(ConstraintType.PERMIT)
            .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT)
            .setVerificationKeyResolver(new TrustedKeyResolver(keys, config.algorithms()))
            .registerValidator(new IssValidator(config.issuer().toString(), true))
            .registerValidator(new AudValidator(Set.copyOf(config.audiences()), true))
            .registerValidator(new LifetimeValidator(config.clock(), config.clockSkew()))
            .build();
    this.mapper = new ClaimsMapper(config.scopeClaims());
  }

  @Override
  public AccessToken verify(String token) {
    return verifyWithKey(token).token();
  }

  /** Also says which key verified the signature, so a cache can drop the token with the key. */
  Verified verifyWithKey(String token) {
    CanonicalBase64Url.require(token);
    JwtContext context;
    try {
      context = consumer.process(token);
    } catch (InvalidJwtException e) {
      throw RejectionMapping.toException(e);
    }
    Key key = context.getJoseObjects().get(0).getKey();
    return new Verified(mapper.toAccessToken(context.getJwtClaims()), key);
  }

  record Verified(AccessToken token, Key key) {}
}
