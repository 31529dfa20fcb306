package dev.gatehouse.testing;

import dev.gatehouse.internal.store.InMemorySharedStore;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store shared by the filters of one test (the "cluster"), whose every part throws {@link
 * StoreUnavailableException} while {@link #down()} holds: an outage at the test's command.
 */
public final class SwitchableStore implements SharedStore {

  private final InMemorySharedStore held;
  private volatile boolean down;
  private final AtomicInteger closed = new AtomicInteger();

  public SwitchableStore(Clock clock) {
    this.held = new InMemorySharedStore(clock, Duration.ofMinutes(5), 1000);
  }

  public SwitchableStore down() {
    down = true;
    return this;
  }

  public SwitchableStore up() {
    down = false;
    return this;
  }

  /** How often {@link #close()} was called. */
  public int closed() {
    return closed.get();
  }

  private void reachable() {
    if (down) {
      throw new StoreUnavailableException("test outage");
    }
  }

  @Override
  public RevocationStore revocations() {
    return new RevocationStore() {
      @Override
      public void revoke(Revocation revocation) {
        reachable();
        held.revocations().revoke(revocation);
      }

      @Override
      public List<Revocation> find(Collection<Revocation.Key> keys) {
        reachable();
        return held.revocations().find(keys);
      }
    };
  }

  @Override
  public ReplayStore replays() {
    return (key, until) -> {
      reachable();
      return held.replays().record(key, until);
    };
  }

  @Override
  public NonceSecrets nonceSecrets() {
    return new NonceSecrets() {
      @Override
      public byte[] current() {
        reachable();
        return held.nonceSecrets().current();
      }

      @Override
      public List<byte[]> accepted() {
        reachable();
        return held.nonceSecrets().accepted();
      }
    };
  }

  @Override
  public IntrospectionStore introspections() {
    return new IntrospectionStore() {
      @Override
      public Optional<String> get(String key) {
        reachable();
        return held.introspections().get(key);
      }

      @Override
      public void put(String key, String answer, Instant until) {
        reachable();
        held.introspections().put(key, answer, until);
      }
    };
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }
}
