package dev.gatehouse.outbound;

import dev.gatehouse.GatehouseConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one outbound exchange.
 *
 * @param connectTimeout longest wait for the TCP connection (capped by the deadline)
 * @param readTimeout longest silence between two reads (capped by the deadline)
 * @param deadline the whole exchange, connect to last byte; reaching it closes the connection
 * @param maxResponseBytes largest body read; a longer one fails the exchange
 * @param insecureLoopbackHttp whether plain http is allowed to a loopback host
 */
public record OutboundLimits(
    Duration connectTimeout,
    Duration readTimeout,
    Duration deadline,
    int maxResponseBytes,
    boolean insecureLoopbackHttp) {

  public OutboundLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero() || maxResponseBytes < 1) {
      throw new IllegalArgumentException("a positive deadline and body limit are required");
    }
  }

  /** The discovery and JWKS limits of {@code config}. */
  public static OutboundLimits of(GatehouseConfig config) {
    return new OutboundLimits(
        config.connectTimeout(),
        config.readTimeout(),
        config.httpDeadline(),
        config.maxResponseBytes(),
        config.insecureLoopbackHttp());
  }
}
