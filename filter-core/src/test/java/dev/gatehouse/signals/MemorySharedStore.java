package dev.gatehouse.signals;

import dev.gatehouse.internal.sender.InMemoryReplayStore;
import dev.gatehouse.internal.sender.RotatingNonceSecrets;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A whole shared store in this JVM, as a filter would publish it in the servlet context. */
final class MemorySharedStore implements SharedStore {

  final MemoryRevocationStore revocations = new MemoryRevocationStore();
  private final InMemoryReplayStore replays;
  private final RotatingNonceSecrets nonces;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  MemorySharedStore(Clock clock) {
    replays = new InMemoryReplayStore(clock, 1000);
    nonces = new RotatingNonceSecrets(clock, Duration.ofMinutes(5));
  }

  @Override
  public RevocationStore revocations() {
    return revocations;
  }

  @Override
  public ReplayStore replays() {
    return replays;
  }

  @Override
  public NonceSecrets nonceSecrets() {
    return nonces;
  }

  @Override
  public IntrospectionStore introspections() {
    return new IntrospectionStore() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(answers.get(key));
      }

      @Override
      public void put(String key, String answer, Instant until) {
        answers.put(key, answer);
      }
    };
  }
}
