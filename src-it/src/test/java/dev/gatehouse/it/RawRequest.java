package dev.gatehouse.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code GET} whose request target is written byte for byte over a plain socket to 127.0.0.1:
 * REST Assured and {@code HttpClient} normalise {@code ..} or refuse {@code \} before sending, and
 * the point here is what the container and the filter make of exactly those spellings.
 */
final class RawRequest {

  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_BYTES = 256 * 1024;

  /** Status, the {@code WWW-Authenticate} value (null when absent) and the body as text. */
  record Reply(String target, int status, String challenge, String body) {
    @Override
    public String toString() {
      return "GET " + target + " -> " + status + " challenge=" + challenge + " body="
          + body.substring(0, Math.min(120, body.length())).replace('\n', ' ');
    }
  }

  private RawRequest() {}

  /** {@code target} below {@code base}'s path, e.g. {@code /api/secret%3b}. */
  static Reply get(URI base, String target) {
    String full = base.getRawPath() + target;
    String request =
        "GET " + full + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return parse(full, readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + full, e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new IOException("response over " + MAX_BYTES + " bytes");
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static Reply parse(String target, String text) {
    int end = text.indexOf("\r\n\r\n");
    String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
    if (!head[0].startsWith("HTTP/1.1 ")) {
      throw new IllegalStateException("no HTTP/1.1 status line for " + target + ": " + head[0]);
    }
    String challenge = null;
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      if (colon > 0
          && head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("www-authenticate")) {
        challenge = head[i].substring(colon + 1).trim();
      }
    }
    int status = Integer.parseInt(head[0].substring(9, 12));
    return new Reply(target, status, challenge, end < 0 ? "" : text.substring(end + 4));
  }
}
