package dev.gatehouse.internal.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.outbound.ClientAuthentication;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MisbehavingEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one outbound HTTP helper, on its own. */
class OutboundHttpTest {

  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration MARGIN = Duration.ofSeconds(4);

  private static OutboundHttp http(boolean loopbackHttp) {
    // The read timeout is longer than the deadline, so that only the deadline can end a drip.
    return new OutboundHttp(
        new OutboundLimits(
            Duration.ofSeconds(1), Duration.ofSeconds(5), DEADLINE, 8 * 1024, loopbackHttp));
  }

  @Test
  void whenARedirectIsAnsweredThenItIsReturnedAndItsTargetIsNotContacted() throws IOException {
    try (LocalJwksServer target = LocalJwksServer.start();
        MisbehavingEndpoint redirect = MisbehavingEndpoint.redirectingTo(target.uri("/"))) {

      OutboundReply reply = http(true).get(redirect.uri("/jwks"));

      assertEquals(302, reply.status());
      assertEquals(List.of(target.jwksUri().toString()), reply.header("location"));
      assertEquals(0, target.totalRequests());
    }
  }

  @Test
  void whenTheStatusLineDripsOneBytePerSecondThenTheExchangeEndsAtTheDeadline() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread dripper = new Thread(() -> drip(server));
      dripper.setDaemon(true);
      dripper.start();
      long start = System.nanoTime();

      assertThrows(
          HttpTimeoutException.class,
          () -> http(true).get(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/")));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
    }
  }

  private static void drip(ServerSocket server) {
    try (Socket socket = server.accept()) {
      OutputStream out = socket.getOutputStream();
      for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: yes\r\n".getBytes(StandardCharsets.US_ASCII)) {
        out.write(b);
        out.flush();
        Thread.sleep(MisbehavingEndpoint.DRIP_INTERVAL.toMillis());
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up, as it should
    }
  }

  @Test
  void whenPlainHttpGoesToAHostThatIsNotLoopbackThenNothingIsSent() {
    IOException e =
        assertThrows(IOException.class, () -> http(true).get(URI.create("http://idp.example/")));

    assertTrue(e.getMessage().contains("must use https"), e.getMessage());
  }

  @Test
  void whenLoopbackHttpWasNotAllowedThenEvenLoopbackNeedsHttps() {
    try (LocalJwksServer provider = LocalJwksServer.start()) {
      assertThrows(IOException.class, () -> http(false).get(provider.jwksUri()));
      assertEquals(0, provider.totalRequests());
    }
  }

  @Test
  void whenTheBodyIsLargerThanTheLimitThenTheExchangeFails() {
    try (LocalJwksServer provider =
        LocalJwksServer.start().jwksMode(LocalJwksServer.Mode.OVERSIZED)) {
      IOException e = assertThrows(IOException.class, () -> http(true).get(provider.jwksUri()));

      assertTrue(e.getMessage().contains("larger than 8192 bytes"), e.getMessage());
    }
  }

  @Test
  void whenTheJvmHasAProxySelectorThenTheExchangeGoesThroughTheProxy() throws IOException {
    ProxySelector before = ProxySelector.getDefault();
    try (LocalJwksServer proxy = LocalJwksServer.start();
        LocalJwksServer provider = LocalJwksServer.start()) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", proxy.jwksUri().getPort());
      ProxySelector.setDefault(
          new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
              return List.of(new Proxy(Proxy.Type.HTTP, address));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException e) {}
          });

      OutboundReply reply = http(true).get(provider.jwksUri());

      assertEquals(200, reply.status());
      assertEquals(1, proxy.jwksRequests(), "the proxy was not used");
      assertEquals(0, provider.totalRequests());
    } finally {
      ProxySelector.setDefault(before);
    }
  }

  @Test
  void whenTheClientUsesBasicThenIdAndSecretAreFormEncodedBeforeBase64() {
    Map<String, String> headers = new HashMap<>();
    ClientSecrets.apply(
        ClientAuthentication.CLIENT_SECRET_BASIC, "a b", "s:&=", new HashMap<>(), headers);

    // Base64 of "a+b:s%3A%26%3D" (RFC 6749 section 2.3.1)
    assertEquals(Map.of("Authorization", "Basic YStiOnMlM0ElMjYlM0Q="), headers);
  }
}
