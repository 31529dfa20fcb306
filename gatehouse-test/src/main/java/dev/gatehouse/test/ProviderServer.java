package dev.gatehouse.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDK's HTTP server on a free loopback port, with exact-path, one-method routes. It can stop
 * listening and listen again on the same port, which is what an outage of the provider's host looks
 * like to a client: connection refused, then the same URLs answer again.
 */
final class ProviderServer implements AutoCloseable {

  private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
  private final ExecutorService executor;
  private final int port;
  private HttpServer server;
  private boolean listening = true;

  ProviderServer() throws IOException {
    // Loopback only: the provider is reachable from the test machine and from nowhere else.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    port = server.getAddress().getPort();
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "gatehouse-test-provider");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
  }

  int port() {
    return port;
  }

  void route(String path, String method, HttpHandler handler) {
    HttpHandler routed =
        exchange -> {
          try {
            // Exact paths only: /jwks/anything is not the JWKS.
            if (!exchange.getRequestURI().getPath().equals(path)) {
              ProviderEndpoints.error(exchange, 404, "not_found");
            } else if (!exchange.getRequestMethod().equals(method)) {
              exchange.getResponseHeaders().set("Allow", method);
              ProviderEndpoints.error(exchange, 405, "method_not_allowed");
            } else {
              handler.handle(exchange);
            }
          } catch (IOException | RuntimeException e) {
            serverError(exchange);
          } finally {
            exchange.close();
          }
        };
    routes.put(path, routed);
    server.createContext(path, routed);
  }

  synchronized void start() {
    server.start();
  }

  /** Stops listening: every request is refused at connection until {@link #listenAgain()}. */
  synchronized void stopListening() {
    if (listening) {
      server.stop(0);
      listening = false;
    }
  }

  /**
   * Listens again on the same port, with the same routes; retries briefly while the port is freed.
   */
  synchronized void listenAgain() {
    if (listening) {
      return;
    }
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        HttpServer again =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        routes.forEach(again::createContext);
        again.setExecutor(executor);
        again.start();
        server = again;
        listening = true;
        return;
      } catch (IOException e) {
        last = e;
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
    }
    throw new UncheckedIOException("cannot listen again on 127.0.0.1:" + port, last);
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serverError(HttpExchange exchange) {
    try {
      exchange.sendResponseHeaders(500, -1);
    } catch (IOException | RuntimeException alreadyAnswered) {
      // The answer had started: closing the exchange is all that is left.
    }
  }
}
