package dev.gatehouse.internal.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.testing.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline over TLS, the way every real provider is reached: a server on 127.0.0.1 with a
 * certificate made at test time, trusted by this test's client only.
 */
class OutboundHttpsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /**
   * Well under the 10 s read timeout, so a pass shows the deadline ended it; generous for a busy
   * machine.
   */
  private static final Duration MARGIN = Duration.ofSeconds(4);

  private static final char[] PASSWORD = "changeit".toCharArray();

  private static HttpsServer server;
  private static ExecutorService executor;
  private static SSLContext tls;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    KeyStore store =
        TestCertificates.selfSigned(
            dir.resolve("local.p12"), "local", "CN=127.0.0.1", "ip:127.0.0.1", PASSWORD);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/ok", e -> answer(e, false));
    server.createContext("/stalls", e -> answer(e, true));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Four bytes in the first 1.5 seconds, each well inside the read timeout, then silence. */
  private static void answer(HttpExchange exchange, boolean stall) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (!stall) {
        byte[] body = "{\"ok\":true}".getBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < 4; i++) {
        out.write('{');
        out.flush();
        Thread.sleep(500);
      }
      Thread.sleep(10_000);
    } catch (InterruptedException | IOException e) {
      // stopped, or the client hung up as it should
    }
  }

  private static OutboundHttp http() {
    // The read timeout is longer than the deadline: only the deadline can end the stalled read.
    return new OutboundHttp(
        new OutboundLimits(Duration.ofSeconds(1), Duration.ofSeconds(10), DEADLINE, 8192, false),
        tls.getSocketFactory());
  }

  private static URI uri(String path) {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void whenTheProviderAnswersOverTlsThenTheBodyIsRead() throws IOException {
    OutboundReply reply = http().get(uri("/ok"));

    assertEquals(200, reply.status());
    assertEquals("{\"ok\":true}", reply.text());
  }

  @Test
  void whenATlsBodyStallsMidwayThenTheReadEndsAtTheDeadlineNotAtTheReadTimeout() {
    long start = System.nanoTime();

    assertThrows(HttpTimeoutException.class, () -> http().get(uri("/stalls")));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
  }

  @Test
  void whenTheTlsHandshakeDripsOneBytePerSecondThenItEndsAtTheDeadline() throws Exception {
    try (ServerSocket handshake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread dripper = new Thread(() -> dripHandshake(handshake));
      dripper.setDaemon(true);
      dripper.start();
      long start = System.nanoTime();

      assertThrows(
          HttpTimeoutException.class,
          () -> http().get(URI.create("https://127.0.0.1:" + handshake.getLocalPort() + "/")));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
    }
  }

  /** A TLS handshake record announcing 16 KiB, then one byte of it per second. */
  private static void dripHandshake(ServerSocket server) {
    try (Socket socket = server.accept()) {
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
      out.flush();
      for (int i = 0; i < 30; i++) {
        Thread.sleep(1000);
        out.write(0x02);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up, as it should
    }
  }
}
