package dev.gatehouse.token;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;

/** Cheap checks that run before any parser sees the token. */
public final class TokenSyntax {

  /** Per ASCII character: whether RFC 6750 {@code b64token} allows it, and base64url does. */
  private static final byte[] CLASSES = new byte[128];

  private static final byte B64TOKEN = 1;
  private static final byte BASE64URL = 2;

  static {
    for (char c = 0; c < 128; c++) {
      boolean alphanumeric =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (alphanumeric || c == '-' || c == '_') {
        CLASSES[c] = B64TOKEN | BASE64URL;
      } else if (c == '.' || c == '~' || c == '+' || c == '/') {
        CLASSES[c] = B64TOKEN;
      }
    }
  }

  private TokenSyntax() {}

  /**
   * Accepts only RFC 6750 {@code b64token} characters within {@code maxLength}, shaped as a JWS
   * compact serialization: three non-empty base64url segments without padding.
   */
  public static String check(String token, int maxLength) {
    if (!token.isEmpty() && token.length() <= maxLength && isCompactJws(token)) {
      return token; // a compact JWS is a b64token too: one pass for the common case
    }
    checkB64Token(token, maxLength);
    if (!isCompactJws(token)) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return token;
  }

  /**
   * Accepts any RFC 6750 {@code b64token} within {@code maxLength}, JWT or not: for when tokens
   * that are not JWTs are introspected (RFC 7662) instead of refused.
   */
  public static String checkB64Token(String token, int maxLength) {
    if (token.isEmpty()) {
      throw new BearerTokenException(Rejection.MALFORMED_AUTHORIZATION);
    }
    if (token.length() > maxLength) {
      throw new BearerTokenException(Rejection.TOKEN_TOO_LARGE);
    }
    if (!isB64Token(token)) {
      throw new BearerTokenException(Rejection.MALFORMED_AUTHORIZATION);
    }
    return token;
  }

  /** True when the token has the shape of a JWS compact serialization, so it is verified as a JWT. */
  public static boolean isJwt(String token) {
    return isCompactJws(token);
  }

  /** RFC 6750 section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
  static boolean isB64Token(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isB64TokenChar(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && s.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isB64TokenChar(char c) {
    return c < 128 && (CLASSES[c] & B64TOKEN) != 0;
  }

  static boolean isCompactJws(String s) {
    int segments = 1;
    int segmentLength = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (segmentLength == 0) {
          return false;
        }
        segments++;
        segmentLength = 0;
      } else if (isBase64Url(c)) {
        segmentLength++;
      } else {
        return false;
      }
    }
    return segments == 3 && segmentLength > 0;
  }

  private static boolean isBase64Url(char c) {
    return c < 128 && (CLASSES[c] & BASE64URL) != 0;
  }
}
