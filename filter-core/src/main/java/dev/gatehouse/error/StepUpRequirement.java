package dev.gatehouse.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a resource asks of the user's authentication (RFC 9470): one of these {@code acr} values, in
 * order of preference, and an authentication no older than the maximum age. Sent back in the
 * challenge as {@code acr_values} and {@code max_age}, so the client can ask for a token that meets
 * it.
 *
 * @param acrValues accepted {@code acr} values; empty when any will do
 * @param maxAge the longest time since {@code auth_time}; null when any age will do
 */
public record StepUpRequirement(List<String> acrValues, @Nullable Duration maxAge) {

  /** Asks nothing. */
  public static final StepUpRequirement NONE = new StepUpRequirement(List.of(), null);

  public StepUpRequirement {
    acrValues = List.copyOf(acrValues);
    for (String acr : acrValues) {
      if (acr.isBlank()
          || acr.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\' || c > 0x7e)) {
        throw new IllegalArgumentException("'" + acr + "' is not an acr value");
      }
    }
    if (maxAge != null && (maxAge.isNegative() || maxAge.toNanos() % 1_000_000_000L != 0)) {
      throw new IllegalArgumentException("max_age must be a whole number of seconds, 0 or more");
    }
  }

  public Optional<Duration> maxAgeIfAny() {
    return Optional.ofNullable(maxAge);
  }

  /** True when it asks for nothing. */
  public boolean isEmpty() {
    return acrValues.isEmpty() && maxAge == null;
  }
}
