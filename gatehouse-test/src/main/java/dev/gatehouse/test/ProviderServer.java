package dev.gatehouse.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on a free loopback port, with exact-path, one-method routes. */
final class ProviderServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  ProviderServer() throws IOException {
    // Loopback only: the provider is reachable from the test machine and from nowhere else.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
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
    return server.getAddress().getPort();
  }

  void route(String path, String method, HttpHandler handler) {
    server.createContext(
        path,
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
        });
  }

  void start() {
    server.start();
  }

  @Override
  public void close() {
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
