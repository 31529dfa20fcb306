package dev.gatehouse.hazelcast;

import com.hazelcast.map.IMap;
import dev.gatehouse.store.IntrospectionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Introspection answers in one {@link IMap}, each with a TTL to its own instant; the map may evict
 * (its size bound is the map's configuration), which only costs a new introspection. The value
 * starts with the instant in epoch milliseconds, so that the filter's clock, not only Hazelcast's
 * TTL, decides when an answer is over.
 *
 * <p>Reads and writes are blocking calls on the store's pool rather than Hazelcast's asynchronous
 * ones, whose futures complete on another thread (a new one per call on a two-core machine).
 */
final class HazelcastIntrospections implements IntrospectionStore {

  private final LazyMap<String, String> map;
  private final Remote remote;
  private final Clock clock;

  HazelcastIntrospections(LazyMap<String, String> map, Remote remote, Clock clock) {
    this.map = map;
    this.remote = remote;
    this.clock = clock;
  }

  @Override
  public Optional<String> get(String key) {
    String held = remote.call(() -> map.get().get(key), "introspection lookup");
    if (held == null) {
      return Optional.empty();
    }
    int space = held.indexOf(' ');
    if (space < 1) {
      return Optional.empty();
    }
    long until;
    try {
      until = Long.parseLong(held, 0, space, 10);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return clock.millis() < until ? Optional.of(held.substring(space + 1)) : Optional.empty();
  }

  @Override
  public void put(String key, String answer, Instant until) {
    long ttl = Duration.between(clock.instant(), until).toMillis();
    if (ttl <= 0) {
      return;
    }
    String value = until.toEpochMilli() + " " + answer;
    remote.call(
        () -> {
          map.get().set(key, value, ttl, TimeUnit.MILLISECONDS);
          return null;
        },
        "introspection store");
  }
}
