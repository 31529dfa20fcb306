package dev.gatehouse.test;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;

/** Reading form posts and client credentials, and writing JSON answers, for the provider. */
final class ProviderEndpoints {

  /** Forms larger than this are refused: the provider is for tests, not for load. */
  private static final int MAX_FORM_BYTES = 64 * 1024;

  private ProviderEndpoints() {}

  static Map<String, String> form(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
      if (body.length > MAX_FORM_BYTES) {
        throw new IOException("form too large");
      }
      Map<String, String> form = new HashMap<>();
      for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
      return form;
    }
  }

  /** The client's id and secret from HTTP Basic (RFC 6749 2.3.1) or, failing that, the form. */
  static Optional<String[]> client(HttpExchange exchange, Map<String, String> form) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          return Optional.of(
              new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))});
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    return id == null || secret == null ? Optional.empty() : Optional.of(new String[] {id, secret});
  }

  static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static void error(HttpExchange exchange, int status, String error) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    json(exchange, status, body);
  }

  static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
