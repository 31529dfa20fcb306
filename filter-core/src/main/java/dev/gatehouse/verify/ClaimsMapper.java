package dev.gatehouse.verify;

import dev.gatehouse.AccessToken;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/** Copies verified claims into Gatehouse's own {@link AccessToken}. */
final class ClaimsMapper {

  static final String PERMISSIONS = "permissions";

  private final List<String> scopeClaims;

  ClaimsMapper(List<String> scopeClaims) {
    this.scopeClaims = scopeClaims;
  }

  AccessToken toAccessToken(JwtClaims claims) {
    try {
      Set<String> scopes = new LinkedHashSet<>();
      for (String name : scopeClaims) {
        addScopes(claims.getClaimValue(name), scopes);
      }
      Set<String> permissions = new LinkedHashSet<>();
      addStrings(claims.getClaimValue(PERMISSIONS), permissions);
      String azp = claims.getStringClaimValue("azp");
      return AccessToken.builder()
          .subject(claims.getSubject())
          .issuer(claims.getIssuer())
          .audiences(claims.getAudience())
          .scopes(scopes)
          .permissions(permissions)
          .clientId(azp != null ? azp : claims.getStringClaimValue("client_id"))
          .issuedAt(instant(claims.getIssuedAt()))
          .expiresAt(instant(claims.getExpirationTime()))
          .tokenId(claims.getJwtId())
          .claims(claims.getClaimsMap())
          .build();
    } catch (MalformedClaimException | ClassCastException e) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
  }

  /** {@code scope} is space-separated (RFC 8693 section 4.2); arrays list one scope each. */
  private static void addScopes(Object value, Set<String> into) {
    if (value instanceof String s) {
      for (String scope : s.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          into.add(scope);
        }
      }
    } else {
      addStrings(value, into);
    }
  }

  private static void addStrings(Object value, Set<String> into) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Collection<?> values)) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
    for (Object v : values) {
      if (!(v instanceof String s)) {
        throw new BearerTokenException(Rejection.INVALID_CLAIMS);
      }
      into.add(s);
    }
  }

  private static Instant instant(NumericDate date) {
    return date == null ? null : Instant.ofEpochSecond(date.getValue());
  }
}
