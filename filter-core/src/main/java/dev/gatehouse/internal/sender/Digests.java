package dev.gatehouse.internal.sender;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 in the base64url form JOSE uses, and the constant-time comparison of two such values. */
final class Digests {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Digests() {}

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String sha256Base64url(byte[] input) {
    return BASE64URL.encodeToString(sha256(input));
  }

  static String sha256Base64url(String ascii) {
    return sha256Base64url(ascii.getBytes(StandardCharsets.UTF_8));
  }

  static String base64url(byte[] input) {
    return BASE64URL.encodeToString(input);
  }

  /**
   * Whether two values are equal, in time that does not depend on where they differ: the values
   * compared are hashes a client may probe for byte by byte.
   */
  static boolean sameValue(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
