package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.config.ClaimPath;
import dev.gatehouse.token.AccessToken;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jspecify.annotations.Nullable;

/** Copies verified claims into Gatehouse's own {@link AccessToken}. */
final class ClaimsMapper {

  static final String PERMISSIONS = "permissions";

  /**
   * Deepest nesting of objects and arrays accepted in the claims. Real tokens nest a few levels;
   * the limit keeps everything that walks the claims afterwards (copying, serialising, the
   * application) clear of a stack overflow, whatever the token-length limit allows.
   */
  static final int MAX_CLAIM_DEPTH = 32;

  private final List<ClaimPath> scopeClaims;

  ClaimsMapper(List<String> scopeClaims) {
    this.scopeClaims = ScopeValues.claimPaths(scopeClaims);
  }

  AccessToken toAccessToken(JwtClaims claims) {
    return toAccessToken(claims, claims.getClaimsMap());
  }

  /**
   * @param all the claims of {@code claims} as a map no one else holds (jose4j's getter copies its
   *     map; a freshly parsed one may be passed as it is)
   */
  AccessToken toAccessToken(JwtClaims claims, Map<String, Object> all) {
    if (depth(all) > MAX_CLAIM_DEPTH) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
    try {
      Set<String> scopes = new LinkedHashSet<>();
      ScopeValues.addScopes(scopeClaims, all, scopes);
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
          .claims(all)
          .build();
    } catch (MalformedClaimException | ClassCastException e) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
  }

  /**
   * Nesting depth of a parsed JSON value, the claims object itself being 1. Recursive, but never
   * deeper than one level past {@link #MAX_CLAIM_DEPTH}: it stops there, so no token can make it
   * overflow the stack.
   */
  static int depth(Object root) {
    return depth(root, 1);
  }

  private static int depth(Object value, int level) {
    // Leaves first, by their final classes: most claims are strings and numbers, and a check
    // against an interface (Map, Collection) costs a scan of the class's supertypes (on JDK 17 a
    // shared cache line too, when threads ask about different interfaces).
    if (value == null || value instanceof String || value instanceof Long) {
      return 0;
    }
    Collection<?> children =
        value instanceof Map<?, ?> m ? m.values() : value instanceof Collection<?> c ? c : null;
    if (children == null) {
      return 0;
    }
    int deepest = level;
    if (level > MAX_CLAIM_DEPTH) {
      return deepest; // no need to look further
    }
    for (Object child : children) {
      deepest = Math.max(deepest, depth(child, level + 1));
      if (deepest > MAX_CLAIM_DEPTH) {
        return deepest;
      }
    }
    return deepest;
  }

  private static @Nullable Instant instant(@Nullable NumericDate date) {
    return date == null ? null : Instant.ofEpochSecond(date.getValue());
  }
}
