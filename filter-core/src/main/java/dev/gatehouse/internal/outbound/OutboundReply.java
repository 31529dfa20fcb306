package dev.gatehouse.internal.outbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A complete answer: status, headers (names as sent) and the whole body, read within the limits.
 */
public record OutboundReply(int status, Map<String, List<String>> headers, byte[] body) {

  public OutboundReply {
    headers = Map.copyOf(headers);
  }

  /** The body as UTF-8, the encoding of every JSON document the provider sends. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The values of the header {@code name} in any case, or null when it was not sent. */
  public @Nullable List<String> header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
        return e.getValue();
      }
    }
    return null;
  }
}
