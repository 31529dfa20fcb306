package dev.gatehouse.verify;

import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.verify.JwtAccessTokenVerifier.Verified;
import java.nio.ByteBuffer;
import java.security.Key;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;

/**
 * The common case of {@link JwtAccessTokenVerifier} without jose4j's per-token parsing: a compact
 * JWS whose header is a {@link LeanHeader} and names exactly one trusted key. The header and the
 * key choice come from caches; the signature is checked as jose4j checks it ({@link LeanSignature})
 * before the payload is parsed, once,
 * with {@link ClaimsJson} (jose4j's JSON rules, without its per-parse buffer);
 * the claims then go through the same validators and mapper as on the full path.
 *
 * <p>Refusals are the full path's: where it would have parsed the payload before refusing (an
 * invalid signature, a key set that cannot be had), a payload that is not a JSON object is
 * reported as malformed first, as it is there. Whatever this class does not handle exactly as
 * the full path does, it hands back ({@code null}) instead of guessing.
 */
final class LeanJwsVerifier {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final KeySource source;
  private final TrustedKeyResolver keys;
  private final HeaderCache headers;
  private final ClaimChecks checks;
  private final ClaimsMapper mapper;

  LeanJwsVerifier(
      KeySource source,
      TrustedKeyResolver keys,
      HeaderCache headers,
      ClaimChecks checks,
      ClaimsMapper mapper) {
    this.source = source;
    this.keys = keys;
    this.headers = headers;
    this.checks = checks;
    this.mapper = mapper;
  }

  /**
   * @param token a compact serialization whose segments are canonical base64url
   * @return the verified token, or null when the full path must decide
   * @throws BearerTokenException with the refusal the full path would give
   */
  Verified verify(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      return null; // not a compact JWS: jose4j says what it is
    }
    LeanHeader header = headers.get(token.substring(0, first));
    if (!header.isLean()) {
      return null;
    }
    // ASCII after the syntax check; any other character makes a segment undecodable below.
    byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
    byte[] payload;
    byte[] signature;
    try {
      payload = decode(bytes, first + 1, second);
      signature = decode(bytes, second + 1, bytes.length);
    } catch (IllegalArgumentException e) {
      return null; // not base64url as the JDK reads it (never after the syntax check)
    }
    List<JsonWebKey> seen;
    try {
      seen = source.keys();
    } catch (ProviderUnavailableException e) {
      if (claims(payload) == null) {
        throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
      }
      throw e;
    }
    LeanHeader.KeyChoice choice = header.keyChoice(seen, keys);
    JsonWebKey key = choice.sole();
    if (key == null) {
      return choice.unnamed() == null
          ? null // an unknown kid, several keys: the full path decides, with its refresh
          : viaUnnamedKey(header, choice.unnamed(), seen, bytes, second, payload, signature);
    }
    if (!SignatureLength.fits(header.alg, bytes.length - second - 1, key.getKey())) {
      throw refusal(Rejection.INVALID_SIGNATURE, payload);
    }
    Boolean valid = LeanSignature.verify(header, key.getKey(), bytes, second, signature);
    if (valid == null) {
      return null;
    }
    if (!valid) {
      throw refusal(Rejection.INVALID_SIGNATURE, payload);
    }
    Map<String, Object> claims = claims(payload);
    if (claims == null) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return accept(claims, key.getKey(), header.alg);
  }

  /**
   * The token names a kid that no trusted key has, and trusted keys without a kid exist (a
   * configured PEM key): {@link TrustedKeyResolver}'s order, which parses the payload first, then
   * asks for a refresh, then takes the first kid-less key whose signature verifies.
   */
  private Verified viaUnnamedKey(
      LeanHeader header,
      List<JsonWebKey> unnamed,
      List<JsonWebKey> seen,
      byte[] token,
      int inputLength,
      byte[] payload,
      byte[] signature) {
    Map<String, Object> claims = claims(payload);
    if (claims == null) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    if (source.refreshUnknownKey(seen)) {
      // The key set changed: the full path selects again. Its own refresh request then finds the
      // set just fetched (a remote source answers from its cooldown; a static one never fetches).
      return null;
    }
    for (JsonWebKey candidate : unnamed) {
      if (Boolean.TRUE.equals(
          LeanSignature.verify(header, candidate.getKey(), token, inputLength, signature))) {
        if (!SignatureLength.fits(header.alg, token.length - inputLength - 1, candidate.getKey())) {
          throw new BearerTokenException(Rejection.INVALID_SIGNATURE);
        }
        return accept(claims, candidate.getKey(), header.alg);
      }
    }
    throw new BearerTokenException(Rejection.UNKNOWN_KEY);
  }

  /** A verified signature's claims: the full path's validators, then the mapper. */
  private Verified accept(Map<String, Object> claims, Key key, String alg) {
    JwtClaims jwtClaims = new JwtClaims();
    claims.forEach(jwtClaims::setClaim);
    checks.check(jwtClaims);
    return new Verified(mapper.toAccessToken(jwtClaims, claims), key, alg);
  }

  /** The JDK's strict base64url decoder on a slice, without copying the slice first. */
  private static byte[] decode(byte[] bytes, int from, int to) {
    ByteBuffer decoded = BASE64URL.decode(ByteBuffer.wrap(bytes, from, to - from));
    byte[] array = decoded.array(); // a fresh heap array from position 0
    return decoded.remaining() == array.length ? array : Arrays.copyOf(array, decoded.remaining());
  }

  /** The full path parses the payload before it looks at the key or signature. */
  private static BearerTokenException refusal(Rejection reason, byte[] payload) {
    return new BearerTokenException(claims(payload) == null ? Rejection.MALFORMED_TOKEN : reason);
  }

  /** The claims object, or null when the payload is not one (jose4j's rules either way). */
  private static Map<String, Object> claims(byte[] payload) {
    return ClaimsJson.object(new String(payload, StandardCharsets.UTF_8));
  }
}
