package dev.gatehouse.verify;

import dev.gatehouse.AccessToken;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/** Copies verified claims into Gatehouse's own {@link AccessToken}. */
final class ClaimsMapper {

  static final String PERMISSIONS = "permissions";

  /**
   * Deepest nesting of objects and arrays accepted in the claims. Real tokens nest a few levels;
   * the limit keeps everything that walks the claims afterwards (copying, serialising, the
   * application) clear of a stack overflow, whatever the token-length limit allows.
   */
  static final int MAX_CLAIM_DEPTH = 32;

  private final List<String> scopeClaims;

  ClaimsMapper(List<String> scopeClaims) {
    this.scopeClaims = scopeClaims;
  }

  AccessToken toAccessToken(JwtClaims claims) {
    if (depth(claims.getClaimsMap()) > MAX_CLAIM_DEPTH) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
    try {
      Set<String> scopes = new LinkedHashSet<>();
      for (String name : scopeClaims) {
        ScopeValues.addScopes(claims.getClaimValue(name), scopes);
      }
      Set<String> permissions = new LinkedHashSet<>();
      ScopeValues.addStrings(claims.getClaimValue(PERMISSIONS), permissions);
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

  /** Nesting depth of a parsed JSON value, the claims object itself being 1; without recursion. */
  static int depth(Object root) {
    Deque<Object> values = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    values.push(root);
    depths.push(1);
    int deepest = 0;
    while (!values.isEmpty()) {
      Object value = values.pop();
      int depth = depths.pop();
      Collection<?> children =
          value instanceof Map<?, ?> m ? m.values() : value instanceof Collection<?> c ? c : null;
      if (children == null) {
        continue;
      }
      deepest = Math.max(deepest, depth);
      if (deepest > MAX_CLAIM_DEPTH) {
        return deepest; // no need to look further
      }
      for (Object child : children) {
        if (child instanceof Map<?, ?> || child instanceof Collection<?>) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
    return deepest;
  }

  private static Instant instant(NumericDate date) {
    return date == null ? null : Instant.ofEpochSecond(date.getValue());
  }
}
