package dev.gatehouse.it.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * An OpenID provider on 127.0.0.1 that can really go away: {@link #down()} closes the listening
 * socket (clients get "connection refused", as when the provider's host is gone) and {@link #up()}
 * listens again on the same port. Serves discovery and a JWKS with one RSA-2048 key.
 */
final class SwitchableProvider implements AutoCloseable {

  private final RsaJsonWebKey key;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final AtomicInteger discoveryRequests = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, daemon());
  private final int port;
  private HttpServer server;

  private SwitchableProvider(RsaJsonWebKey key) {
    this.key = key;
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  static SwitchableProvider start() {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("load-1");
      key.setUse("sig");
      return new SwitchableProvider(key);
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/";
  }

  RsaJsonWebKey key() {
    return key;
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  int discoveryRequests() {
    return discoveryRequests.get();
  }

  synchronized void down() {
    server.stop(0);
  }

  /** Listens again on the same port; retries briefly while the old socket is released. */
  synchronized void up() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        server = bind(port);
        return;
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
          throw e;
        }
        sleep(100);
      }
    }
  }

  private HttpServer bind(int onPort) {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
      s.setExecutor(executor);
      s.createContext("/", this::handle);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body;
      if (path.equals("/.well-known/openid-configuration")) {
        discoveryRequests.incrementAndGet();
        body = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "jwks\"}";
      } else if (path.equals("/jwks")) {
        jwksRequests.incrementAndGet();
        body = new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY);
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "switchable-provider");
      t.setDaemon(true);
      return t;
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
