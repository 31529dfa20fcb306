package dev.gatehouse.internal.lean;

import static dev.gatehouse.internal.lean.PlainScanner.NOT_PLAIN;

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
public final class PlainJson {

  static final int MAX_DEPTH = 64;

  private final PlainScanner text;

  private PlainJson(String s) {
    this.text = new PlainScanner(s);
  }

  /** The object {@code json} holds, accepted; undecided outside the subset. Never refuses. */
  @SuppressWarnings("unchecked")
  public static Verdict<Map<String, Object>> object(String json) {
    PlainJson reader = new PlainJson(json);
    reader.text.skipSpace();
    if (reader.text.peek() != '{') {
      return Verdict.undecided();
    }
    Object value = reader.object(1); // the peek saw its brace
    if (value == NOT_PLAIN) {
      return Verdict.undecided();
    }
    reader.text.skipSpace();
    return reader.text.atEnd()
        ? Verdict.accepted((Map<String, Object>) value)
        : Verdict.undecided();
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      return NOT_PLAIN;
    }
    switch (text.peek()) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return text.string();
      case 't':
        return text.literal("true", Boolean.TRUE);
      case 'f':
        return text.literal("false", Boolean.FALSE);
      case 'n':
        return text.literal("null", null);
      default:
        return text.number();
    }
  }

  private Object object(int depth) {
    text.skip(); // {
    Map<String, Object> members = new LinkedHashMap<>();
    text.skipSpace();
    if (text.peek() == '}') {
      text.skip();
      return members;
    }
    while (true) {
      text.skipSpace();
      if (text.peek() != '"') {
        return NOT_PLAIN;
      }
      Object name = text.string();
      if (name == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      text.skipSpace();
      if (text.peek() != ':') {
        return NOT_PLAIN;
      }
      text.skip();
      text.skipSpace();
      Object value = value(depth + 1);
      if (value == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      int before = members.size();
      members.put((String) name, value);
      if (members.size() == before) {
        return NOT_PLAIN; // a repeated name is refused by jose4j's parser: it decides
      }
      text.skipSpace();
      char next = text.peek();
      text.skip();
      if (next == '}') {
        return members;
      }
      if (next != ',') {
        return NOT_PLAIN;
      }
    }
  }

  private Object array(int depth) {
    text.skip(); // [
    List<Object> items = new ArrayList<>();
    text.skipSpace();
    if (text.peek() == ']') {
      text.skip();
      return items;
    }
    while (true) {
      text.skipSpace();
      Object item = value(depth + 1);
      if (item == NOT_PLAIN) {
        return NOT_PLAIN;
      }
      items.add(item);
      text.skipSpace();
      char next = text.peek();
      text.skip();
      if (next == ']') {
        return items;
      }
      if (next != ',') {
        return NOT_PLAIN;
      }
    }
  }
}
