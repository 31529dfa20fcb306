package dev.gatehouse.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter values as a servlet container reports them (Servlet 6.0 section 3.1): query-string
 * values first, then form-body values, each {@code application/x-www-form-urlencoded} decoded. A
 * broken escape is kept as it is, as some containers do.
 */
final class FormParameters {

  private FormParameters() {}

  static String[] values(String query, String formBody, String name) {
    List<String> found = new ArrayList<>();
    collect(query, name, found);
    collect(formBody, name, found);
    return found.isEmpty() ? null : found.toArray(String[]::new);
  }

  private static void collect(String encoded, String name, List<String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        into.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException broken) {
      return s;
    }
  }
}
