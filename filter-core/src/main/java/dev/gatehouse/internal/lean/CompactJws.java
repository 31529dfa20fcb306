package dev.gatehouse.internal.lean;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A token split at its dots once, for every step that looks inside it: the canonical-encoding
 * check, routing by issuer, the fast path and the verified-token cache. Holds the token and where
 * its dots are; it decodes nothing until asked. Immutable.
 *
 * <p>Any number of segments is represented, so that a token of another shape still reaches jose4j,
 * which says what it is; only {@link #isThreeSegments()} tokens (every token past {@code
 * TokenSyntax}) are compact JWS.
 */
public final class CompactJws {

  private final String token;
  private final int first;
  private final int second;
  private final int last;

  private CompactJws(String token, int first, int second, int last) {
    this.token = token;
    this.first = first;
    this.second = second;
    this.last = last;
  }

  /** Finds the dots; never throws. */
  public static CompactJws parse(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    int third = second < 0 ? -1 : token.indexOf('.', second + 1);
    int last = third < 0 ? Math.max(first, second) : token.lastIndexOf('.');
    return new CompactJws(token, first, second, last);
  }

  public String token() {
    return token;
  }

  /** Exactly three segments: header, payload, signature. */
  public boolean isThreeSegments() {
    return second >= 0 && last == second;
  }

  /** At least two dots: the second segment is a payload (whatever follows). */
  public boolean hasPayload() {
    return second >= 0;
  }

  /** The first segment's text: the protected header, base64url. */
  public String headerSegment() {
    return token.substring(0, first < 0 ? token.length() : first);
  }

  /**
   * The second segment decoded as UTF-8 text.
   *
   * @throws IllegalArgumentException when it is not base64url as the JDK reads it
   */
  public String payloadText() {
    byte[] decoded = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
    return new String(decoded, StandardCharsets.UTF_8);
  }

  /** Index of the dot before the signature: the length of the signing input. */
  public int signingInputLength() {
    return second;
  }

  /** Index of the first dot. */
  public int firstDot() {
    return first;
  }

  /** Characters after the last dot: the encoded signature's length for a compact JWS. */
  public int lastSegmentLength() {
    return token.length() - last - 1;
  }

  /** Index of the last dot, or -1 when there is none. */
  public int lastDot() {
    return last;
  }

  /**
   * Refuses a token with a segment that is not the one canonical base64url spelling of its bytes
   * ({@link CanonicalBase64Url}): one signed token must have one spelling.
   *
   * @throws BearerTokenException malformed
   */
  public CompactJws requireCanonical() {
    boolean canonical;
    if (last < 0) {
      canonical = CanonicalBase64Url.isCanonical(token, 0, token.length());
    } else if (isThreeSegments() || second < 0) {
      canonical =
          CanonicalBase64Url.isCanonical(token, 0, first)
              && (second < 0 || CanonicalBase64Url.isCanonical(token, first + 1, second))
              && CanonicalBase64Url.isCanonical(token, last + 1, token.length());
    } else {
      canonical = CanonicalBase64Url.allCanonical(token); // more than three: walk every dot
    }
    if (!canonical) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return this;
  }
}
