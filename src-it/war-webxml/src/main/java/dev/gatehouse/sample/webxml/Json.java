package dev.gatehouse.sample.webxml;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Just enough JSON for the sample: one flat object of strings, booleans and string lists. */
final class Json {

  private final StringBuilder out = new StringBuilder("{");

  private Json() {}

  static Json object() {
    return new Json();
  }

  Json field(String name, Object value) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(name);
    out.append(':');
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Collection<?> values) {
      out.append('[');
      boolean first = true;
      for (Object v : values) {
        if (!first) {
          out.append(',');
        }
        string(String.valueOf(v));
        first = false;
      }
      out.append(']');
    } else {
      string(value.toString());
    }
    return this;
  }

  static void write(HttpServletResponse response, Json json) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.out.toString() + "}");
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
