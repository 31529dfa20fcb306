package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The one embedded Jetty of the tests. In memory, through Jetty's {@link LocalConnector}, where
 * sockets are not the point: no port, no client, the same HTTP/1.1 parsing and servlet path. On a
 * 127.0.0.1 port when they are (raw bytes a client would not send, JMX or CDI across the wire).
 * Requests are {@link HttpRequest}s either way, so a test does not say which one it runs on.
 */
public final class JettyHarness implements AutoCloseable {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Server server;
  private final LocalConnector local;
  private final ServerConnector socket;

  private JettyHarness(Handler handler, boolean onLoopback) {
    server = new Server();
    local = onLoopback ? null : new LocalConnector(server);
    socket = onLoopback ? new ServerConnector(server) : null;
    if (onLoopback) {
      socket.setHost("127.0.0.1");
      socket.setPort(0);
      server.addConnector(socket);
    } else {
      server.addConnector(local);
    }
    server.setHandler(handler);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
  }

  /** {@code handler} in memory: requests never touch the network. */
  public static JettyHarness inMemory(Handler handler) {
    return new JettyHarness(handler, false);
  }

  /** {@code handler} on a free 127.0.0.1 port. */
  public static JettyHarness onLoopback(Handler handler) {
    return new JettyHarness(handler, true);
  }

  /**
   * {@code http://127.0.0.1:port/} on loopback; in memory, the same with a port nobody listens on.
   */
  public URI base() {
    return URI.create("http://127.0.0.1:" + (socket == null ? 9 : socket.getLocalPort()) + "/");
  }

  /** The port on loopback; fails in memory, where there is none. */
  public int port() {
    if (socket == null) {
      throw new IllegalStateException("in memory: no port");
    }
    return socket.getLocalPort();
  }

  /** Sends {@code request} (its path, headers and body; the host is ignored in memory). */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return local == null
          ? CLIENT.send(request, HttpResponse.BodyHandlers.ofString())
          : inMemory(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> inMemory(HttpRequest request) throws IOException {
    byte[] body = body(request);
    StringBuilder head = new StringBuilder();
    URI uri = request.uri();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    head.append(request.method()).append(' ').append(uri.getRawPath()).append(query);
    head.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    request.headers().map().forEach((n, vs) -> vs.forEach(v -> head.append(n + ": " + v + "\r\n")));
    if (body.length > 0 || !request.method().equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    ByteBuffer raw = ByteBuffer.allocate(head.length() + 2 + body.length);
    raw.put(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
    ByteBuffer answer;
    try {
      answer = local.getResponse(raw, 30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("the in-memory exchange failed", e);
    }
    if (answer == null) {
      throw new IllegalStateException("no answer within 30 s to " + request.method() + " " + uri);
    }
    HttpTester.Response parsed = HttpTester.parseResponse(answer);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : parsed) {
      headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
    }
    return new Answer(
        parsed.getStatus(),
        HttpHeaders.of(headers, (n, v) -> true),
        new String(parsed.getContentBytes(), StandardCharsets.UTF_8),
        request);
  }

  private static byte[] body(HttpRequest request) {
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher
        .get()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.write(bytes, 0, bytes.length);
              }

              @Override
              public void onError(Throwable failure) {
                done.completeExceptionally(failure);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.join();
    return out.toByteArray();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An answer read in memory, in the shape {@link HttpClient} gives. */
  private record Answer(int statusCode, HttpHeaders headers, String body, HttpRequest request)
      implements HttpResponse<String> {

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
