package dev.gatehouse.internal.introspection;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.config.ClaimPath;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.internal.verify.ScopeValues;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns an RFC 7662 response into the same {@link AccessToken} a JWT yields: {@code sub}, {@code
 * iss} (else the endpoint), {@code aud}, the configured scope claims, {@code client_id}, {@code
 * iat}, {@code exp}, {@code jti}, and every other field (application or product names, {@code
 * username}, ...) among the claims.
 */
final class IntrospectionMapper {

  /** RFC 6749 section 7.1's {@code bearer}, and the spellings servers use for an access token. */
  private static final Set<String> BEARER_ACCESS_TOKEN_TYPES =
      Set.of("bearer", "dpop", "access_token", "urn:ietf:params:oauth:token-type:access_token");

  private final IntrospectionConfig config;
  private final List<ClaimPath> scopeClaims;
  private final Clock clock;
  private final ClockSkew skew;

  IntrospectionMapper(
      IntrospectionConfig config, List<String> scopeClaims, Clock clock, Duration skew) {
    this.config = config;
    this.scopeClaims = ScopeValues.claimPaths(scopeClaims);
    this.clock = clock;
    this.skew = ClockSkew.of(skew);
  }

  /**
   * What one call decided: a token, a refusal, or a failure (the endpoint could not answer). A
   * failure is a value rather than a failed future so the cache library has nothing to log; it is
   * never kept (see {@code IntrospectionVerifier}).
   */
  record Outcome(
      @Nullable AccessToken token, @Nullable Rejection rejection, @Nullable Throwable failure) {

    Outcome(@Nullable AccessToken token, @Nullable Rejection rejection) {
      this(token, rejection, null);
    }

    static Outcome failed(Throwable failure) {
      return new Outcome(null, null, failure);
    }
  }

  Outcome outcome(Map<String, Object> response) {
    try {
      return new Outcome(token(response), null);
    } catch (BearerTokenException e) {
      return new Outcome(null, e.rejection());
    }
  }

  private AccessToken token(Map<String, Object> r) {
    if (!Boolean.TRUE.equals(r.get("active"))) {
      throw new BearerTokenException(Rejection.TOKEN_INACTIVE);
    }
    requireBearerAccessToken(r.get("token_type"));
    Instant now = clock.instant();
    Instant exp = instant(r.get("exp"));
    if (exp != null && skew.isExpired(exp, now)) {
      throw new BearerTokenException(Rejection.EXPIRED);
    }
    Instant nbf = instant(r.get("nbf"));
    if (nbf != null && skew.isNotYetValid(nbf, now)) {
      throw new BearerTokenException(Rejection.NOT_YET_VALID);
    }
    List<String> audiences = audiences(r.get("aud"));
    if (!config.audiences().isEmpty()
        && audiences.stream().noneMatch(config.audiences()::contains)) {
      throw new BearerTokenException(Rejection.WRONG_AUDIENCE);
    }
    Set<String> scopes = new LinkedHashSet<>();
    ScopeValues.addScopes(scopeClaims, r, scopes);
    Set<String> permissions = new LinkedHashSet<>();
    ScopeValues.addStrings(r.get("permissions"), permissions);
    String clientId = string(r.get("client_id"));
    return AccessToken.builder()
        .subject(string(r.get("sub")))
        .issuer(r.get("iss") instanceof String iss ? iss : config.endpoint().toString())
        .audiences(audiences)
        .scopes(scopes)
        .permissions(permissions)
        .clientId(clientId != null ? clientId : string(r.get("azp")))
        .issuedAt(instant(r.get("iat")))
        // RFC 7662 makes exp optional: without it, the token is trusted as long as it is cached.
        .expiresAt(exp != null ? exp : clock.instant().plus(config.cacheDuration()))
        .tokenId(string(r.get("jti")))
        .claims(r)
        .build();
  }

  /**
   * RFC 7662 section 2.2: {@code token_type} names the kind of token the server found. Some servers
   * answer {@code active} for refresh and ID tokens too, so anything but an access token is
   * refused. {@code DPoP} (RFC 9449 section 6.2) passes here: the pipeline then admits the token
   * only with the DPoP scheme and a proof of the key in {@code cnf.jkt}. Absent means the server
   * does not say, and the other checks decide.
   */
  private static void requireBearerAccessToken(@Nullable Object tokenType) {
    String type = string(tokenType);
    if (type != null && !BEARER_ACCESS_TOKEN_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_TOKEN_TYPE);
    }
  }

  private static List<String> audiences(@Nullable Object aud) {
    if (aud == null) {
      return List.of();
    }
    if (aud instanceof String s) {
      return List.of(s);
    }
    Set<String> values = new LinkedHashSet<>();
    ScopeValues.addStrings(aud, values);
    return List.copyOf(values);
  }

  private static @Nullable String string(@Nullable Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BearerTokenException(Rejection.INVALID_CLAIMS);
  }

  private static @Nullable Instant instant(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    throw new BearerTokenException(Rejection.INVALID_CLAIMS);
  }
}
