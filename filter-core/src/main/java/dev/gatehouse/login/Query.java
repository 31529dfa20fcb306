package dev.gatehouse.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Appends form-encoded parameters to an endpoint that may already carry a query. */
final class Query {

  private Query() {}

  static String append(URI endpoint, Map<String, String> parameters) {
    String base = endpoint.toString();
    String query =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    if (query.isEmpty()) {
      return base;
    }
    return base + (endpoint.getRawQuery() == null ? "?" : "&") + query;
  }

  private static String encode(String value) {
    // Form encoding writes a space as '+'; %20 is the same in a query and safer across providers.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
