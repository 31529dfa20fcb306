package dev.gatehouse.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.store.IntrospectionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Introspection answers in this JVM, each until its own instant. Bounded in entries and free to
 * evict: a dropped answer only costs a new call to the endpoint.
 */
public final class InMemoryIntrospectionStore implements IntrospectionStore {

  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final Cache<String, Held> answers;

  public InMemoryIntrospectionStore(Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: " + maxEntries + " must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .ticker(() -> Duration.ofMillis(clock.millis()).toNanos())
            .expireAfter(
                Expiry.creating(
                    (String key, Held held) -> {
                      Duration left = Duration.between(clock.instant(), held.until());
                      return left.isNegative() ? Duration.ZERO : left;
                    }))
            .build();
  }

  @Override
  public Optional<String> get(String key) {
    Held held = answers.getIfPresent(key);
    return held != null && held.until().isAfter(clock.instant())
        ? Optional.of(held.answer())
        : Optional.empty();
  }

  @Override
  public void put(String key, String answer, Instant until) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(answer, "answer");
    if (until.isAfter(clock.instant())) {
      answers.put(key, new Held(answer, until));
    }
  }

  private record Held(String answer, Instant until) {}
}
