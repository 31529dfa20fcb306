package dev.gatehouse.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Appends form-encoded parameters to an endpoint that may already carry a query. */
final class Query {

  private Query() {}

  static String append(URI endpoint, Map<String, String> parameters) {
    return append(endpoint, parameters, Map.of());
  }

  /** With parameters that may occur several times, such as RFC 8707 {@code resource}, last. */
  static String append(
      URI endpoint, Map<String, String> parameters, Map<String, List<String>> repeated) {
    String base = endpoint.toString();
    String query =
        Stream.concat(
                parameters.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())),
                repeated.entrySet().stream()
                    .flatMap(
                        e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v))))
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
