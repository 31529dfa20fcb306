package dev.gatehouse.outbound;

import dev.gatehouse.config.ConfigKey;
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

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024;

  /** Collects the limits of discovery and JWKS exchanges ({@code gatehouse.http.*}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts from the defaults: 2 s connect, 3 s read, 5 s in all, 512 KiB. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The longest one discovery or JWKS exchange may take in all, however the provider spreads its
     * bytes; reaching it closes the connection.
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** Largest discovery or JWKS response body read, in bytes. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public OutboundLimits build(boolean insecureLoopbackHttp) {
      within(connectTimeout, ConfigKey.CONNECT_TIMEOUT.property());
      within(readTimeout, ConfigKey.READ_TIMEOUT.property());
      within(deadline, ConfigKey.HTTP_DEADLINE.property());
      if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException(
            ConfigKey.MAX_RESPONSE_BYTES.property()
                + ": "
                + maxResponseBytes
                + " is outside 1 KiB..16 MiB");
      }
      return new OutboundLimits(
          connectTimeout, readTimeout, deadline, maxResponseBytes, insecureLoopbackHttp);
    }

    private static void within(Duration d, String name) {
      Duration min = Duration.ofMillis(1);
      Duration max = Duration.ofMinutes(1);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + ": " + d + " is outside " + min + ".." + max);
      }
    }
  }
}
