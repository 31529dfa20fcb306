package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endpoint on 127.0.0.1 that answers every path with one kind of misbehaviour a provider (or
 * someone in its place) can show: a redirect elsewhere, or a 200 whose body trickles in one byte
 * per {@link #DRIP_INTERVAL}, each byte well inside any read timeout, so that only a total deadline
 * ends the exchange.
 */
public final class MisbehavingEndpoint implements AutoCloseable {

  public static final Duration DRIP_INTERVAL = Duration.ofSeconds(1);

  /** Bytes dripped before the connection is closed: long enough to outlast every test deadline. */
  public static final int DRIPPED_BYTES = 30;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final URI redirectTo;

  private MisbehavingEndpoint(URI redirectTo) throws IOException {
    this.redirectTo = redirectTo;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "misbehaving-endpoint");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers {@code 302 Found} with {@code Location: target} (plus the request's path). */
  public static MisbehavingEndpoint redirectingTo(URI target) {
    try {
      return new MisbehavingEndpoint(target);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers 200 with a JSON-looking body, one byte per {@link #DRIP_INTERVAL}. */
  public static MisbehavingEndpoint dripping() {
    return redirectingTo(null);
  }

  /** {@code http://127.0.0.1:port/}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public URI uri(String path) {
    return URI.create(base()).resolve(path);
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (redirectTo != null) {
        String path = exchange.getRequestURI().getRawPath();
        exchange.getResponseHeaders().set("Location", redirectTo.resolve(path).toString());
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0); // chunked: the end is never announced
      byte[] body = "{\"keys\":[{\"kty\":\"RSA\"".getBytes(StandardCharsets.UTF_8);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < DRIPPED_BYTES; i++) {
        out.write(body[i % body.length]);
        out.flush();
        Thread.sleep(DRIP_INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client hung up, as it should
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
