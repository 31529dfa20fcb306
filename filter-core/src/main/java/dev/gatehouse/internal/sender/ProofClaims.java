package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jspecify.annotations.Nullable;

/**
 * The claims of a DPoP proof whose signature has been checked, and their checks against the request
 * (RFC 9449 section 4.3, checks 3, 8, 9, 11 and 12 as far as the proof alone decides).
 */
record ProofClaims(
    String jti,
    String htm,
    String htu,
    long issuedAt,
    @Nullable String ath,
    @Nullable String nonce) {

  /** A UUID is 36 characters and 256 random bits in base64url are 43; more is no identifier. */
  static final int MAX_JTI_CHARS = 256;

  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_IAT = 253_402_300_799L;

  /** The claims, or null when a required one is missing or of the wrong type. */
  static @Nullable ProofClaims parse(String payload) {
    try {
      return of(JwtClaims.parse(payload));
    } catch (InvalidJwtException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The claims of an already parsed payload, read with jose4j's own typed getters so that both the
   * lean and the full reading of a proof give one answer for one claims object.
   */
  static @Nullable ProofClaims of(JwtClaims claims) {
    try {
      String jti = claims.getStringClaimValue("jti");
      String htm = claims.getStringClaimValue("htm");
      String htu = claims.getStringClaimValue("htu");
      NumericDate iat = claims.getIssuedAt();
      if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_CHARS) {
        return null;
      }
      if (htm == null || htu == null || iat == null) {
        return null;
      }
      // Dates from 1970 to 9999 only: the window arithmetic then never leaves Instant's range.
      if (iat.getValue() < 0 || iat.getValue() > LAST_IAT) {
        return null;
      }
      return new ProofClaims(
          jti,
          htm,
          htu,
          iat.getValue(),
          claims.getStringClaimValue("ath"),
          claims.getStringClaimValue("nonce"));
    } catch (MalformedClaimException | RuntimeException e) {
      return null;
    }
  }

  /** The first check the request fails, in the order of section 4.3. */
  Optional<Rejection> check(DpopRequest request, DpopSettings settings) {
    if (!htm.equals(request.method())) {
      return Optional.of(Rejection.DPOP_PROOF_WRONG_METHOD);
    }
    Optional<String> target = TargetUri.normalize(htu);
    if (target.isEmpty() || !target.equals(TargetUri.normalize(request.uri()))) {
      return Optional.of(Rejection.DPOP_PROOF_WRONG_URI);
    }
    if (!withinWindow(request.now(), settings)) {
      return Optional.of(Rejection.DPOP_PROOF_STALE);
    }
    // ath is required whenever an access token is presented, which is always the case here.
    String expected = Digests.sha256Base64url(request.accessToken());
    if (ath == null || !Digests.sameValue(expected, ath)) {
      return Optional.of(Rejection.DPOP_PROOF_WRONG_TOKEN_HASH);
    }
    return Optional.empty();
  }

  /** The proof is treated as a token that expires {@code maxAge} after its {@code iat}. */
  private boolean withinWindow(Instant now, DpopSettings settings) {
    Instant iat = Instant.ofEpochSecond(issuedAt);
    return !settings.skew().isIssuedInFuture(iat, now)
        && !settings.skew().isExpired(iat.plus(settings.maxAge()), now);
  }

  /** Per target URI and {@code jti}, hashed so that the key's size is fixed. */
  String replayKey() {
    return Digests.sha256Base64url(TargetUri.normalize(htu).orElse(htu) + '\n' + jti);
  }

  @Override
  public String toString() {
    return "ProofClaims[" + htm + "]"; // the identifiers and hashes stay out of log lines
  }
}
