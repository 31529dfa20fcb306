package dev.gatehouse.internal.lean;

/**
 * Recognises segments that are not the one canonical base64url spelling of their bytes (RFC 7515
 * section 2, RFC 4648 sections 3.5 and 5): a length of 4n+1, or unused low bits set in the last
 * character. jose4j's decoder accepts both and ignores the extra bits, so without this check one
 * signed token would have many spellings that all verify: each a new entry in the verified-token
 * cache, and a way past any list that keeps tokens by their text.
 */
public final class CanonicalBase64Url {

  private CanonicalBase64Url() {}

  /** Every dot-separated segment of {@code token} is canonical; for tokens of unusual shape. */
  static boolean allCanonical(String token) {
    int start = 0;
    for (int dot = token.indexOf('.'); ; dot = token.indexOf('.', start)) {
      int end = dot < 0 ? token.length() : dot;
      if (!isCanonical(token, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@code s[start, end)}, base64url characters only, is the canonical spelling of its bytes. */
  public static boolean isCanonical(String s, int start, int end) {
    int spareBits;
    switch ((end - start) % 4) {
      case 0 -> spareBits = 0;
      case 2 -> spareBits = 4; // one byte in the last 12 bits
      case 3 -> spareBits = 2; // two bytes in the last 18 bits
      default -> {
        return false; // 4n+1 characters encode no whole number of bytes
      }
    }
    return spareBits == 0 || (value(s.charAt(end - 1)) & ((1 << spareBits) - 1)) == 0;
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    return c == '_' ? 63 : -1; // -1 has every bit set: never canonical
  }
}
