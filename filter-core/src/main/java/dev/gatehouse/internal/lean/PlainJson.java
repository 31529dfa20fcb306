package dev.gatehouse.internal.lean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A quick reader for the plain JSON that real claims are written in; not a JSON parser of its own.
 * It reads a small subset (objects, arrays, strings with the standard escapes, integers of up to 18
 * digits without leading zeros, {@code true}, {@code false}, {@code null}, spaces, tabs and line
 * breaks, nesting up to {@link #MAX_DEPTH}) and, on that subset, gives exactly what jose4j's parser
 * gives: the same values of the same types in the same order. On anything else (a fraction, an
 * exponent, a long number, a repeated member name, a control character, text after the object,
 * malformed input) it is {@linkplain Verdict#undecided() undecided} and {@link StrictJson} decides,
 * so the set of accepted documents and their meaning stay jose4j's. Avoids jose4j's tokens, stacks
 * and string builders: the payload parse is a large share of a verification's own work.
 */
final class PlainJson {

  static final int MAX_DEPTH = 64;

  /** Inside the reader only: the text at hand is outside the subset. */
  private static final Object NOT_PLAIN = new Object();

  private final String s;
  private int i;

  private PlainJson(String s) {
    this.s = s;
  }

  /** The object {@code json} holds, accepted; undecided outside the subset. Never refuses. */
  @SuppressWarnings("unchecked")
  static Verdict<Map<String, Object>> object(String json) {
    PlainJson reader = new PlainJson(json);
    reader.skipSpace();
    if (reader.peek() != '{') {
      return Verdict.undecided();
    }
    Object value = reader.object(1); // the peek saw its brace
    if (value == NOT_PLAIN) {
      return Verdict.undecided();
    }
    reader.skipSpace();
    return reader.i == json.length()
        ? Verdict.accepted((Map<String, Object>) value)
        : Verdict.undecided();
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      return NOT_PLAIN;
    }
    switch (peek()) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Object object(int depth) {
    i++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      i++;
      return members;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        return NOT_PLAIN;
      }
      Object name = string();
      if (name == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      skipSpace();
      if (peek() != ':') {
        return NOT_PLAIN;
      }
      i++;
      skipSpace();
      Object value = value(depth + 1);
      if (value == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      int before = members.size();
      members.put((String) name, value);
      if (members.size() == before) {
        return NOT_PLAIN; // a repeated name is refused by jose4j's parser: it decides
      }
      skipSpace();
      char next = peek();
      i++;
      if (next == '}') {
        return members;
      }
      if (next != ',') {
        return NOT_PLAIN;
      }
    }
  }

  private Object array(int depth) {
    i++; // [
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      i++;
      return items;
    }
    while (true) {
      skipSpace();
      Object item = value(depth + 1);
      if (item == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      items.add(item);
      skipSpace();
      char next = peek();
      i++;
      if (next == ']') {
        return items;
      }
      if (next != ',') {
        return NOT_PLAIN;
      }
    }
  }

  private Object string() {
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

  private Object number() {
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

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!s.startsWith(word, i)) {
      return NOT_PLAIN;
    }
    i += word.length();
    return value;
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }
}
