package dev.gatehouse.login;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand to 127.0.0.1, for the headers {@code HttpClient} will not
 * let a test choose, such as {@code Host}. Reads the status line and the header fields of the
 * answer.
 */
final class RawRequest {

  private final StringBuilder head = new StringBuilder();

  private RawRequest(String method, String target) {
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
  }

  static RawRequest get(String target) {
    return new RawRequest("GET", target);
  }

  static RawRequest post(String target) {
    return new RawRequest("POST", target);
  }

  RawRequest header(String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
    return this;
  }

  /** Sends it to {@code 127.0.0.1:port} and reads the answer's head. */
  Answer send(int port) {
    String request = head + "Content-Length: 0\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Answer.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Status, header fields by lower-case name (the last one wins), and the body. */
  record Answer(int status, Map<String, String> headers, String body) {

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      String body = end < 0 ? "" : text.substring(end + 4);
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
