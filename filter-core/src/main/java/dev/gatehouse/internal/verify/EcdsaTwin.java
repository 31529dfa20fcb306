package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.lean.CompactJws;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.jose4j.keys.EllipticCurves;
import org.jspecify.annotations.Nullable;

/**
 * The other spelling of an ECDSA-signed token. If (r, s) verifies, so does (r, n - s), so every
 * ES256/384/512 token has a twin that verifies too; the JDK's ECDSA, used by Java issuers, produces
 * s from either half of [1, n - 1], so refusing the high half would refuse genuine tokens. The
 * verified-token cache instead keeps one entry per pair, under the spelling with s in the low half.
 *
 * <p>Nothing here verifies anything. {@link #lowSpelling} only says what the low-S twin of a token
 * would be if it were ECDSA-signed; the cache uses that spelling as a key only after the token has
 * verified under an ES algorithm, and serves a twin's entry only when that entry was verified under
 * the ES algorithm the signature's length implies.
 */
final class EcdsaTwin {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private EcdsaTwin() {}

  /** The ES algorithm whose signatures have this many base64url characters, or null. */
  static @Nullable String algorithmForLength(int signatureChars) {
    return switch (signatureChars) {
      case 86 -> "ES256"; // 64 bytes
      case 128 -> "ES384"; // 96 bytes
      case 176 -> "ES512"; // 132 bytes
      default -> null;
    };
  }

  /**
   * The token with its signature's s replaced by n - s when s is in the high half of the order of
   * {@code alg}'s curve; the token itself when s is already low; null when the signature cannot be
   * an ECDSA one of that algorithm (length, encoding, r or s out of range).
   */
  static @Nullable String lowSpelling(CompactJws jws, String alg) {
    BigInteger order = order(alg);
    String token = jws.token();
    int dot = jws.lastDot();
    if (order == null || dot < 0) {
      return null;
    }
    String segment = token.substring(dot + 1);
    byte[] signature;
    try {
      signature = DECODER.decode(segment);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!ENCODER.encodeToString(signature).equals(segment)) {
      return null; // not canonical: only the full path may refuse it, no twin may answer for it
    }
    int half = signature.length / 2;
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
    if (signature.length % 2 != 0 || s.signum() == 0 || s.compareTo(order) >= 0) {
      return null;
    }
    if (s.compareTo(order.shiftRight(1)) <= 0) {
      return token;
    }
    byte[] low = order.subtract(s).toByteArray(); // big-endian, possibly shorter than half
    byte[] twin = Arrays.copyOf(signature, signature.length);
    Arrays.fill(twin, half, twin.length, (byte) 0);
    int length = Math.min(low.length, half);
    System.arraycopy(low, low.length - length, twin, twin.length - length, length);
    return token.substring(0, dot + 1) + ENCODER.encodeToString(twin);
  }

  /** Whether {@code alg} is one whose signatures come in twins. */
  static boolean isEcdsa(String alg) {
    return order(alg) != null;
  }

  private static @Nullable BigInteger order(@Nullable String alg) {
    if (alg == null) {
      return null;
    }
    return switch (alg) {
      case "ES256" -> EllipticCurves.P256.getOrder();
      case "ES384" -> EllipticCurves.P384.getOrder();
      case "ES512" -> EllipticCurves.P521.getOrder();
      default -> null;
    };
  }
}
