package dev.gatehouse.login;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.time.ClockSkew;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies ID tokens as OpenID Connect Core section 3.1.3.7 asks, with one jose4j {@link
 * JwtConsumer} built once: signature by a trusted key with a configured algorithm, {@code iss}
 * exactly the issuer, {@code aud} containing the client id (and {@code azp} the client id when
 * there are several audiences or {@code azp} is present), {@code exp} required and not passed,
 * {@code iat} required and not in the future, {@code sub} required, and the {@code nonce} of the
 * login that asked for it.
 */
final class IdTokenVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(IdTokenVerifier.class);

  private final JwtConsumer consumer;

  /** @param issuer the trusted issuer users log in with, compared exactly with {@code iss} */
  IdTokenVerifier(GatehouseConfig api, URI issuer, String clientId, KeySource keys) {
    String[] algorithms = api.algorithms().toArray(String[]::new);
    this.consumer =
        new JwtConsumerBuilder()
            .setSkipAllDefaultValidators()
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, algorithms))
            .setJweAlgorithmConstraints(ConstraintType.PERMIT)
            .setJweContentEncryptionAlgorithmConstraints(ConstraintType.PERMIT)
            .setVerificationKeyResolver(new IdTokenKeyResolver(keys, api.algorithms()))
            .registerValidator(new IssValidator(issuer.toString(), true))
            .registerValidator(new AudValidator(Set.of(clientId), true))
            .registerValidator(new ClientValidator(clientId))
            .registerValidator(new TimeValidator(api.clock(), ClockSkew.of(api.clockSkew())))
            .build();
  }

  /**
   * Verifies a login's ID token.
   *
   * @return its {@code sub}
   * @throws LoginException {@code ID_TOKEN_INVALID}, or {@code PROVIDER_UNAVAILABLE} when no keys
   *     can be had
   */
  String verify(String idToken, String expectedNonce) {
    JwtClaims claims = process(idToken);
    Object nonce = claims.getClaimValue("nonce");
    if (!(nonce instanceof String n) || !Pkce.sameValue(expectedNonce, n)) {
      LOG.warn("gatehouse login id_token_invalid: nonce does not match the login");
      throw new LoginException(LoginFailure.ID_TOKEN_INVALID);
    }
    return subject(claims);
  }

  /**
   * Verifies an ID token from a refresh (section 12.2): same checks, no nonce, same subject.
   *
   * @throws LoginException {@code ID_TOKEN_INVALID}
   */
  void verifyRenewed(String idToken, String expectedSubject) {
    JwtClaims claims = process(idToken);
    if (!subject(claims).equals(expectedSubject)) {
      LOG.warn("gatehouse login id_token_invalid: the renewed ID token names another subject");
      throw new LoginException(LoginFailure.ID_TOKEN_INVALID);
    }
  }

  private JwtClaims process(String idToken) {
    try {
      return consumer.processToClaims(idToken);
    } catch (ProviderUnavailableException e) {
      throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, e.retryAfter());
    } catch (InvalidJwtException e) {
      // Error codes only: jose4j's messages quote the claims.
      LOG.warn(
          "gatehouse login id_token_invalid: codes {}",
          e.getErrorDetails().stream().map(d -> d.getErrorCode()).toList());
      throw new LoginException(LoginFailure.ID_TOKEN_INVALID);
    }
  }

  private static String subject(JwtClaims claims) {
    try {
      String sub = claims.getSubject();
      if (sub == null || sub.isBlank()) {
        throw new MalformedClaimException("sub");
      }
      return sub;
    } catch (MalformedClaimException e) {
      LOG.warn("gatehouse login id_token_invalid: no subject");
      throw new LoginException(LoginFailure.ID_TOKEN_INVALID);
    }
  }

  /** {@code azp}, when present or needed, must name this client. */
  private record ClientValidator(String clientId) implements ErrorCodeValidator {
    @Override
    public Error validate(JwtContext context) throws MalformedClaimException {
      JwtClaims claims = context.getJwtClaims();
      List<String> audiences = claims.getAudience();
      Object azp = claims.getClaimValue("azp");
      if ((azp != null || audiences.size() > 1) && !clientId.equals(azp)) {
        return new Error(ErrorCodes.AUDIENCE_INVALID, "azp");
      }
      return null;
    }
  }

  /** {@code exp} and {@code iat} required, against the configured clock and skew. */
  private record TimeValidator(Clock clock, ClockSkew skew) implements ErrorCodeValidator {
    @Override
    public Error validate(JwtContext context) throws MalformedClaimException {
      JwtClaims claims = context.getJwtClaims();
      Instant now = clock.instant();
      NumericDate exp = claims.getExpirationTime();
      NumericDate iat = claims.getIssuedAt();
      if (exp == null) {
        return new Error(ErrorCodes.EXPIRATION_MISSING, "exp missing");
      }
      if (skew.isExpired(instant(exp), now)) {
        return new Error(ErrorCodes.EXPIRED, "expired");
      }
      if (iat == null) {
        return new Error(ErrorCodes.ISSUED_AT_MISSING, "iat missing");
      }
      if (skew.isIssuedInFuture(instant(iat), now)) {
        return new Error(ErrorCodes.ISSUED_AT_INVALID_FUTURE, "iat in the future");
      }
      return null;
    }

    /** jose4j saturates huge numbers to a long; clamped, they compare as before and never throw. */
    private static Instant instant(NumericDate date) {
      long seconds = date.getValue();
      return Instant.ofEpochSecond(
          Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), seconds)));
    }
  }
}
