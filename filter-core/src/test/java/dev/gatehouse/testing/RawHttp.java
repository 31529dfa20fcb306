package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte over a plain socket to 127.0.0.1, so that the request
 * target reaches the server exactly as written: HTTP clients normalise or refuse {@code ..}, {@code
 * \} and some escapes before sending.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_RESPONSE_BYTES = 256 * 1024;

  private RawHttp() {}

  /**
   * {@code GET target} with {@code Connection: close}.
   *
   * @param headers extra header lines such as {@code Authorization: Bearer ...}
   */
  public static Response get(int port, String target, String... headers) {
    StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Response.parse(readAll(socket.getInputStream()), target);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + target, e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      bytes.write(buffer, 0, n);
      if (bytes.size() > MAX_RESPONSE_BYTES) {
        throw new IOException("response over " + MAX_RESPONSE_BYTES + " bytes");
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status, the headers (names in lower case, the last value of each) and the body as text. */
  public record Response(String target, int status, Map<String, String> headers, String body) {

    static Response parse(String text, String target) {
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String[] lines = head.split("\r\n");
      if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
        throw new IllegalStateException("no HTTP/1.1 status line for " + target + ": " + head);
      }
      int status = Integer.parseInt(lines[0].substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      return new Response(target, status, headers, end < 0 ? "" : text.substring(end + 4));
    }

    /** Null when absent. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String challenge() {
      return header("WWW-Authenticate");
    }

    @Override
    public String toString() {
      return "GET " + target + " -> " + status + " " + headers;
    }
  }
}
