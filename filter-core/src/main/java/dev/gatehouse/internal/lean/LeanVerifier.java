package dev.gatehouse.internal.lean;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;

/**
 * The common JWS without jose4j's per-token parsing: a compact JWS whose header is a {@link
 * LeanHeader} and for which the shared {@link KeySelection} names one key (or kid-less keys to
 * try). The header and the key choice come from caches; the signature is checked as jose4j checks
 * it ({@link LeanSignature}) before the payload is parsed, once, with {@link ClaimsJson}.
 *
 * <p>Refusals are the full path's: where it would have parsed the payload before refusing (an
 * invalid signature, a key set that cannot be had), a payload that is not a JSON object is reported
 * as malformed first, as it is there. Whatever this class does not handle exactly as the full path
 * does, it leaves undecided instead of guessing. Thread-safe.
 */
public final class LeanVerifier {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final KeySource source;
  private final KeySelection selection;
  private final HeaderCache headers;

  /**
   * @param algorithms the JWS algorithms the application accepts
   */
  public LeanVerifier(KeySource source, KeySelection selection, Set<String> algorithms) {
    this.source = source;
    this.selection = selection;
    this.headers = new HeaderCache(algorithms);
  }

  /**
   * @return accepted with the signed claims (not yet validated), refused with the reason the full
   *     path would give, or undecided
   * @throws ProviderUnavailableException when the key set cannot be had, as on the full path: an
   *     outage is no verdict on the token
   */
  public Verdict<Signed> verify(CompactJws jws) {
    if (!jws.isThreeSegments()) {
      return Verdict.undecided(); // jose4j says what it is
    }
    if (!(headers.get(jws.headerSegment()) instanceof Verdict.Accepted<LeanHeader> read)) {
      return Verdict.undecided();
    }
    LeanHeader header = read.value();
    int second = jws.signingInputLength();
    // ASCII after the syntax check; any other character makes a segment undecodable below.
    byte[] bytes = jws.token().getBytes(StandardCharsets.ISO_8859_1);
    byte[] payload;
    byte[] signature;
    try {
      payload = decode(bytes, jws.firstDot() + 1, second);
      signature = decode(bytes, second + 1, bytes.length);
    } catch (IllegalArgumentException e) {
      return Verdict
          .undecided(); // not base64url as the JDK reads it (never after the syntax check)
    }
    List<JsonWebKey> seen;
    try {
      seen = source.keys();
    } catch (ProviderUnavailableException e) {
      if (claims(payload) instanceof Verdict.Refused<Map<String, Object>> malformed) {
        return malformed.notAccepted();
      }
      throw e;
    }
    if (!(header.keyChoice(seen, selection) instanceof Verdict.Accepted<KeyChoice> choice)) {
      return Verdict.undecided(); // several keys, an unknown kid: the full path, with its refresh
    }
    if (choice.value() instanceof KeyChoice.Unnamed unnamed) {
      return viaUnnamedKey(header, unnamed.keys(), seen, bytes, second, payload, signature);
    }
    Key key = ((KeyChoice.One) choice.value()).key().getKey();
    if (!SignatureLength.fits(header.alg, bytes.length - second - 1, key)) {
      return refusal(Rejection.INVALID_SIGNATURE, payload);
    }
    Verdict<Key> checked = LeanSignature.verify(header, key, bytes, second, signature);
    if (checked instanceof Verdict.Refused<Key> refused) {
      return refusal(refused.reason(), payload);
    }
    if (!(checked instanceof Verdict.Accepted)) {
      return Verdict.undecided();
    }
    return signed(claims(payload), key, header.alg);
  }

  /**
   * The token names a kid that no trusted key has, and trusted keys without a kid exist (a
   * configured PEM key): the resolver's order, which parses the payload first, then asks for a
   * refresh, then takes the first kid-less key whose signature verifies.
   */
  private Verdict<Signed> viaUnnamedKey(
      LeanHeader header,
      List<JsonWebKey> unnamed,
      List<JsonWebKey> seen,
      byte[] token,
      int inputLength,
      byte[] payload,
      byte[] signature) {
    Verdict<Map<String, Object>> claims = claims(payload);
    if (!(claims instanceof Verdict.Accepted)) {
      return claims.notAccepted();
    }
    if (source.refreshUnknownKey(seen)) {
      // The key set changed: the full path selects again. Its own refresh request then finds the
      // set just fetched (a remote source answers from its cooldown; a static one never fetches).
      return Verdict.undecided();
    }
    for (JsonWebKey candidate : unnamed) {
      Key key = candidate.getKey();
      if (LeanSignature.verify(header, key, token, inputLength, signature)
          instanceof Verdict.Accepted) {
        if (!SignatureLength.fits(header.alg, token.length - inputLength - 1, key)) {
          return Verdict.refused(Rejection.INVALID_SIGNATURE);
        }
        return signed(claims, key, header.alg);
      }
    }
    return Verdict.refused(Rejection.UNKNOWN_KEY);
  }

  private static Verdict<Signed> signed(Verdict<Map<String, Object>> claims, Key key, String alg) {
    return claims instanceof Verdict.Accepted<Map<String, Object>> parsed
        ? Verdict.accepted(new Signed(parsed.value(), key, alg))
        : claims.notAccepted();
  }

  /** The JDK's strict base64url decoder on a slice, without copying the slice first. */
  private static byte[] decode(byte[] bytes, int from, int to) {
    ByteBuffer decoded = BASE64URL.decode(ByteBuffer.wrap(bytes, from, to - from));
    byte[] array = decoded.array(); // a fresh heap array from position 0
    return decoded.remaining() == array.length ? array : Arrays.copyOf(array, decoded.remaining());
  }

  /** The full path parses the payload before it looks at the key or signature. */
  private static <T> Verdict<T> refusal(Rejection reason, byte[] payload) {
    return claims(payload) instanceof Verdict.Refused<Map<String, Object>> malformed
        ? malformed.notAccepted()
        : Verdict.refused(reason);
  }

  /** The claims object, or refused as malformed (jose4j's rules either way). */
  private static Verdict<Map<String, Object>> claims(byte[] payload) {
    return ClaimsJson.object(new String(payload, StandardCharsets.UTF_8));
  }
}
