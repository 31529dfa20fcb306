package dev.gatehouse.demo;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.StringJoiner;

/** Writes the demo's small JSON answers; no JSON library needed for a handful of fields. */
final class Json {

  private final StringJoiner fields = new StringJoiner(",", "{", "}");

  private Json() {}

  static Json object() {
    return new Json();
  }

  /** A string field; {@code null} is written as JSON {@code null}. */
  Json put(String name, String value) {
    fields.add(quote(name) + ":" + (value == null ? "null" : quote(value)));
    return this;
  }

  Json put(String name, long value) {
    fields.add(quote(name) + ":" + value);
    return this;
  }

  Json put(String name, Collection<String> values) {
    StringJoiner array = new StringJoiner(",", "[", "]");
    values.forEach(v -> array.add(quote(v)));
    fields.add(quote(name) + ":" + array);
    return this;
  }

  /** A field whose value is already JSON, such as another {@link Json} or an array of them. */
  Json putRaw(String name, String json) {
    fields.add(quote(name) + ":" + json);
    return this;
  }

  @Override
  public String toString() {
    return fields.toString();
  }

  static void write(HttpServletResponse response, int status, Json body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.toString());
  }

  /** RFC 8259 section 7; also escapes U+2028/U+2029 and {@code <} so output is safe to embed. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
