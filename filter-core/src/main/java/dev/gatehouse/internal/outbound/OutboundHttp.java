package dev.gatehouse.internal.outbound;

import dev.gatehouse.outbound.OutboundLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one way Gatehouse talks to the provider. Each exchange: https unless plain http to a loopback
 * host was allowed; never follows a redirect (a 3xx is returned as it is, and callers accept only
 * what they expect, so the target is never contacted); one total deadline, connect to last byte,
 * that closes the connection when it passes, however slowly the bytes arrive; a bounded body; the
 * JVM's {@link java.net.ProxySelector} and TLS settings.
 *
 * <p>Built on {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: on Java 17 an
 * {@code HttpClient} cannot be closed, and its selector and executor threads live on, holding the
 * context class loader of whoever built them, until the client is garbage collected, which keeps an
 * undeployed application in memory and makes Tomcat warn. {@code HttpURLConnection} starts no
 * thread of its own (its keep-alive cleaner is a JDK system thread), and the deadline is enforced
 * by {@link Deadlines}, whose one thread ends when idle, by closing the TLS sockets ({@link
 * TrackedSockets}) and by the reading loop. The cost is a blocking call on the request's own
 * thread, which the deadline bounds.
 */
public final class OutboundHttp {

  private final OutboundLimits limits;

  /** Null for the JVM's default at the time of each exchange. */
  private final @Nullable SSLSocketFactory tls;

  public OutboundHttp(OutboundLimits limits) {
    this(limits, null);
  }

  /** With a TLS socket factory of its own; for tests against a local https server. */
  OutboundHttp(OutboundLimits limits, @Nullable SSLSocketFactory tls) {
    this.limits = limits;
    this.tls = tls;
  }

  public OutboundLimits limits() {
    return limits;
  }

  /** {@code GET uri} with {@code Accept: application/json}. */
  public OutboundReply get(URI uri) throws IOException {
    return exchange(uri, null, Map.of());
  }

  /**
   * {@code POST uri} with the form, URL-encoded, and the client's credentials as it sends them. The
   * form's values (tokens, codes) and the secret are never part of an exception message.
   */
  public OutboundReply postForm(URI uri, Map<String, String> form, ClientCredentials client)
      throws IOException {
    return postForm(uri, form, Map.of(), client);
  }

  /**
   * As {@link #postForm(URI, Map, ClientCredentials)}, with fields that may occur several times
   * (RFC 8707 {@code resource}) after the others.
   */
  public OutboundReply postForm(
      URI uri,
      Map<String, String> form,
      Map<String, List<String>> repeated,
      ClientCredentials client)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(form);
    Map<String, String> headers = new LinkedHashMap<>();
    ClientSecrets.apply(client.method(), client.id(), client.secret(), fields, headers);
    String body =
        java.util.stream.Stream.concat(
                fields.entrySet().stream(),
                repeated.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))))
            .map(
                e ->
                    ClientSecrets.formEncode(e.getKey())
                        + "="
                        + ClientSecrets.formEncode(e.getValue()))
            .collect(Collectors.joining("&"));
    return exchange(uri, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * {@code POST uri} with a JSON body and {@code Authorization: Bearer credential} (RFC 8936
   * polling for security events). The credential is never part of an exception message.
   */
  public OutboundReply postJson(URI uri, String json, String credential) throws IOException {
    return exchange(
        uri,
        json.getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", "Bearer " + credential, "Content-Type", "application/json"));
  }

  private OutboundReply exchange(URI uri, byte @Nullable [] form, Map<String, String> headers)
      throws IOException {
    try {
      IssuerNames.requireFetchable(uri, limits.insecureLoopbackHttp(), "outbound request");
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage());
    }
    URLConnection opened = uri.toURL().openConnection(); // consults the JVM's ProxySelector
    if (!(opened instanceof HttpURLConnection http)) {
      throw new IOException("not an HTTP URL: " + uri);
    }
    TrackedSockets sockets =
        new TrackedSockets(tls != null ? tls : HttpsURLConnection.getDefaultSSLSocketFactory());
    if (http instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(sockets);
    }
    long deadline = System.nanoTime() + limits.deadline().toNanos();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        Deadlines.after(
            limits.deadline(),
            () -> {
              expired.set(true);
              sockets.closeAll(); // https: a blocked handshake or read fails at once
              // Plain http (loopback only): at once before the body; within it the JDK's stream
              // waits for the read in progress, so readBody also checks between reads.
              http.disconnect();
            });
    boolean complete = false;
    try {
      prepare(http, headers);
      if (form != null) {
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        // Fixed length also stops HttpURLConnection from silently re-sending the POST.
        http.setFixedLengthStreamingMode(form.length);
        if (!headers.containsKey("Content-Type")) {
          http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        }
        try (OutputStream out = http.getOutputStream()) {
          out.write(form);
        }
      }
      int status = http.getResponseCode();
      byte[] body = readBody(http, status, deadline);
      complete = true;
      return new OutboundReply(status, headerFields(http), body);
    } catch (IOException e) {
      if (expired.get() || System.nanoTime() - deadline >= 0) {
        throw new HttpTimeoutException(
            "no complete answer from " + uri + " within " + limits.deadline().toMillis() + " ms");
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (!complete) {
        http.disconnect();
      }
    }
  }

  private void prepare(HttpURLConnection http, Map<String, String> headers) {
    http.setInstanceFollowRedirects(false);
    http.setUseCaches(false);
    http.setConnectTimeout(millis(min(limits.connectTimeout(), limits.deadline())));
    http.setReadTimeout(millis(min(limits.readTimeout(), limits.deadline())));
    http.setRequestProperty("Accept", "application/json");
    headers.forEach(http::setRequestProperty);
  }

  /**
   * Reads until the end, the size limit or the deadline. The deadline is also checked here, between
   * reads, because closing the connection from the timer may wait for a read in progress.
   */
  private byte[] readBody(HttpURLConnection http, int status, long deadline) throws IOException {
    int limit = limits.maxResponseBytes();
    if (http.getContentLengthLong() > limit) {
      throw new IOException("response larger than " + limit + " bytes");
    }
    InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (System.nanoTime() - deadline >= 0) {
          throw new IOException("the deadline passed while reading");
        }
        if (body.size() + n > limit) {
          throw new IOException("response larger than " + limit + " bytes");
        }
        body.write(buffer, 0, n);
      }
      return body.toByteArray();
    }
  }

  private static Map<String, List<String>> headerFields(HttpURLConnection http) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    http.getHeaderFields()
        .forEach(
            (name, values) -> {
              if (name != null) { // the status line is listed under null
                fields.put(name, List.copyOf(values));
              }
            });
    return fields;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }
}
