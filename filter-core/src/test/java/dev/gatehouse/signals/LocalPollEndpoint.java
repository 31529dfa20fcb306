package dev.gatehouse.signals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A transmitter's RFC 8936 polling endpoint on 127.0.0.1: it hands out the SETs offered to it, at
 * most {@code maxEvents} at a time, and keeps handing out each until a poll acknowledges it or
 * reports an error for it, as a transmitter does.
 */
final class LocalPollEndpoint implements AutoCloseable {

  static final String CREDENTIAL = "poll-credential-0123456789";

  private final HttpServer server;
  private final Map<String, String> outstanding = new LinkedHashMap<>();
  private final List<Map<String, Object>> requests = new ArrayList<>();
  private volatile int status = 200;

  LocalPollEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/poll", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/poll");
  }

  synchronized void offer(String jti, String set) {
    outstanding.put(jti, set);
  }

  /** Every later poll is answered with {@code status} and no SETs. */
  void answer(int status) {
    this.status = status;
  }

  synchronized List<Map<String, Object>> requests() {
    return List.copyOf(requests);
  }

  synchronized boolean isDrained() {
    return outstanding.isEmpty();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] answer;
    int code;
    synchronized (this) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Object> request;
      try {
        request = JsonUtil.parseJson(body);
      } catch (JoseException e) {
        throw new IOException(e);
      }
      request.put(
          "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      requests.add(request);
      if (!("Bearer " + CREDENTIAL).equals(request.get("authorization"))) {
        code = 401;
        answer = new byte[0];
      } else if (status != 200) {
        code = status;
        answer = "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        code = 200;
        answer = sets(request).getBytes(StandardCharsets.UTF_8);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private String sets(Map<String, Object> request) {
    if (request.get("ack") instanceof List<?> acks) {
      acks.forEach(outstanding::remove);
    }
    if (request.get("setErrs") instanceof Map<?, ?> errs) {
      errs.keySet().forEach(outstanding::remove);
    }
    int max = ((Number) request.getOrDefault("maxEvents", 10)).intValue();
    Map<String, Object> batch = new LinkedHashMap<>();
    outstanding.entrySet().stream().limit(max).forEach(e -> batch.put(e.getKey(), e.getValue()));
    return JsonUtil.toJson(
        Map.of("sets", batch, "moreAvailable", outstanding.size() > batch.size()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
