package dev.gatehouse.internal.lean;

import org.jspecify.annotations.Nullable;

/**
 * {@link PlainJson}'s place in the text and its reading of the leaves: strings, integers and the
 * three literals, each given only on {@link PlainJson}'s subset and {@link #NOT_PLAIN} outside it.
 * Apart from {@link PlainJson} so that the structure (objects, arrays, depth) reads on its own.
 */
final class PlainScanner {

  /** The text at hand is outside the subset. */
  static final Object NOT_PLAIN = new Object();

  private final String s;
  private int i;

  PlainScanner(String s) {
    this.s = s;
  }

  /** Steps over the character {@link #peek} showed. */
  void skip() {
    i++;
  }

  /** Whether the whole text has been read, nothing more and nothing less. */
  boolean atEnd() {
    return i == s.length();
  }

  Object string() {
    int start = ++i; // opening quote
    StringBuilder escaped = null;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        String tail = s.substring(start, i++);
        return escaped == null ? tail : escaped.append(tail).toString();
      }
      if (c < 0x20) {
        return NOT_PLAIN;
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(i - start + 16);
      }
      escaped.append(s, start, i);
      if (i + 1 >= n) {
        return NOT_PLAIN;
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case '"', '\\', '/' -> escaped.append(e);
        case 'b' -> escaped.append('\b');
        case 'f' -> escaped.append('\f');
        case 'n' -> escaped.append('\n');
        case 'r' -> escaped.append('\r');
        case 't' -> escaped.append('\t');
        case 'u' -> {
          int code = hex4();
          if (code < 0) {
            return NOT_PLAIN;
          }
          escaped.append((char) code);
        }
        default -> {
          return NOT_PLAIN;
        }
      }
      start = i;
    }
    return NOT_PLAIN; // unterminated
  }

  private int hex4() {
    if (i + 4 > s.length()) {
      return -1;
    }
    int code = 0;
    for (int k = 0; k < 4; k++) {
      int digit = Character.digit(s.charAt(i + k), 16);
      if (digit < 0 || s.charAt(i + k) > 'f') {
        return -1;
      }
      code = code * 16 + digit;
    }
    i += 4;
    return code;
  }

  Object number() {
    int start = i;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int digitsStart = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int digits = i - digitsStart;
    if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(digitsStart) == '0')) {
      return NOT_PLAIN;
    }
    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      return NOT_PLAIN; // fractions and exponents: jose4j's parser decides their type and value
    }
    return Long.parseLong(s, start, i, 10);
  }

  @Nullable Object literal(String word, @Nullable Object value) {
    if (!s.startsWith(word, i)) {
      return NOT_PLAIN;
    }
    i += word.length();
    return value;
  }

  char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }
}
