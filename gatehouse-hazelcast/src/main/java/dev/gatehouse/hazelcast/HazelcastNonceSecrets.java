package dev.gatehouse.hazelcast;

import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One random key per rotation period (the clock's time divided by the period), agreed by the
 * cluster: the first node to ask for a period offers a fresh key with {@code putIfAbsent}, every
 * other node gets that one. An agreed key never changes, so each node asks once per period and
 * keeps the answer; the map forgets a key three periods after it was made.
 *
 * <p>Every node therefore makes and accepts the same nonces, whichever node issued them.
 */
final class HazelcastNonceSecrets implements NonceSecrets {

  private static final int KEY_BYTES = 32;

  private final LazyMap<Long, byte[]> map;
  private final Remote remote;
  private final Clock clock;
  private final long periodMillis;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, byte[]> agreed = new ConcurrentHashMap<>();

  HazelcastNonceSecrets(LazyMap<Long, byte[]> map, Remote remote, Clock clock, Duration rotation) {
    if (rotation.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("nonce rotation must be at least one second: " + rotation);
    }
    this.map = map;
    this.remote = remote;
    this.clock = clock;
    this.periodMillis = rotation.toMillis();
  }

  @Override
  public byte[] current() {
    return key(period()).clone();
  }

  @Override
  public List<byte[]> accepted() {
    long period = period();
    return List.of(key(period).clone(), key(period - 1).clone());
  }

  private long period() {
    return Math.floorDiv(clock.millis(), periodMillis);
  }

  private byte[] key(long period) {
    if (!remote.reachable()) {
      throw new StoreUnavailableException("nonce secrets: the cluster is not reachable");
    }
    byte[] known = agreed.get(period);
    if (known != null) {
      return known;
    }
    byte[] offer = new byte[KEY_BYTES];
    random.nextBytes(offer);
    byte[] held =
        remote.call(
            () -> map.get().putIfAbsent(period, offer, 3 * periodMillis, TimeUnit.MILLISECONDS),
            "nonce secret");
    byte[] key = held == null ? offer : held;
    if (key.length < KEY_BYTES) {
      throw new StoreUnavailableException("nonce secrets: a key of " + key.length + " bytes");
    }
    // Only this period and the one before are ever asked for again.
    agreed.keySet().removeIf(p -> p < period - 1);
    agreed.put(period, key);
    return key;
  }
}
