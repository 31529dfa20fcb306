package dev.gatehouse.store;

import dev.gatehouse.config.PropertyLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link SharedStoreFactory} is given to build a store with.
 *
 * @param settings the filter's settings, where the store reads its own {@code gatehouse.store.*}
 *     keys
 * @param clock the filter's clock; every expiry the store computes reads it
 * @param nonceRotation how often the DPoP nonce key is replaced ({@code
 *     gatehouse.dpop.nonce-rotation})
 */
public record StoreContext(PropertyLookup settings, Clock clock, Duration nonceRotation) {

  public StoreContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    if (nonceRotation.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "nonceRotation must be at least one second: " + nonceRotation);
    }
  }
}
