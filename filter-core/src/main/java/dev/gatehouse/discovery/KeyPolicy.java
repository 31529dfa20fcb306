package dev.gatehouse.discovery;

import dev.gatehouse.config.ConfigKey;
import java.time.Duration;
import java.util.Objects;

/**
 * How fetched keys are kept and refreshed ({@code gatehouse.jwks.*}); checked when made, so a
 * configuration that holds one is within range.
 *
 * @param cacheDuration how long keys are used when the JWKS response carries no {@code
 *     Cache-Control}
 * @param refreshCooldown least time before a failed fetch is retried, the shortest key lifetime a
 *     provider can ask for, and the {@code Retry-After} of a 503
 * @param retention how long the last good keys keep deciding while the JWKS endpoint fails
 * @param unknownKidFetchesPerMinute JWKS fetches allowed for unknown {@code kid}s in any 60 seconds
 */
public record KeyPolicy(
    Duration cacheDuration,
    Duration refreshCooldown,
    Duration retention,
    int unknownKidFetchesPerMinute) {

  public static final KeyPolicy DEFAULTS =
      new KeyPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(24), 6);

  public KeyPolicy {
    Limits.requireBetween(
        cacheDuration,
        Duration.ofSeconds(1),
        Duration.ofDays(7),
        ConfigKey.KEY_CACHE_DURATION.property());
    Limits.requireBetween(
        refreshCooldown,
        Duration.ofSeconds(1),
        Duration.ofHours(1),
        ConfigKey.KEY_REFRESH_COOLDOWN.property());
    Limits.requireBetween(
        retention, Duration.ZERO, Duration.ofDays(30), ConfigKey.KEY_RETENTION.property());
    if (unknownKidFetchesPerMinute < 1 || unknownKidFetchesPerMinute > 60) {
      throw new IllegalArgumentException(
          ConfigKey.UNKNOWN_KID_FETCHES.property()
              + ": "
              + unknownKidFetchesPerMinute
              + " is outside 1..60");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the key settings; {@link #build()} checks them. Starts from the defaults. */
  public static final class Builder {
    private Duration cacheDuration = DEFAULTS.cacheDuration;
    private Duration refreshCooldown = DEFAULTS.refreshCooldown;
    private Duration retention = DEFAULTS.retention;
    private int unknownKidFetchesPerMinute = DEFAULTS.unknownKidFetchesPerMinute;

    private Builder() {}

    /** How long fetched keys are used when the JWKS response carries no {@code Cache-Control}. */
    public Builder cacheDuration(Duration cacheDuration) {
      this.cacheDuration = Objects.requireNonNull(cacheDuration, "cacheDuration");
      return this;
    }

    /**
     * Least time before a failed fetch is retried, the shortest key cache lifetime a provider can
     * ask for, and the {@code Retry-After} of a 503.
     */
    public Builder refreshCooldown(Duration refreshCooldown) {
      this.refreshCooldown = Objects.requireNonNull(refreshCooldown, "refreshCooldown");
      return this;
    }

    /** How long the last good keys keep deciding while the JWKS endpoint fails. */
    public Builder retention(Duration retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * At most this many JWKS fetches for tokens naming an unknown {@code kid} in any 60 seconds
     * (default 6, 1 to 60): a rotated-in key is fetched on its first token, a flood of random
     * {@code kid}s costs the provider no more than this.
     */
    public Builder unknownKidFetchesPerMinute(int fetches) {
      this.unknownKidFetchesPerMinute = fetches;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public KeyPolicy build() {
      return new KeyPolicy(cacheDuration, refreshCooldown, retention, unknownKidFetchesPerMinute);
    }
  }

  /** The range check every duration setting shares, naming the property. */
  static final class Limits {
    private Limits() {}

    static void requireBetween(Duration d, Duration min, Duration max, String name) {
      Objects.requireNonNull(d, name);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + ": " + d + " is outside " + min + ".." + max);
      }
    }
  }
}
