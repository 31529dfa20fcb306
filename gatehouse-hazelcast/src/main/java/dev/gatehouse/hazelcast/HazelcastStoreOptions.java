package dev.gatehouse.hazelcast;

import dev.gatehouse.sender.DpopPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link HazelcastSharedStore} uses its instance.
 *
 * @param mapPrefix the first part of every map name ({@code revocations}, {@code replays}, {@code
 *     nonce-secrets}, {@code introspections} follow it)
 * @param operationTimeout how long one operation may take before it fails as unavailable
 * @param revocationMaxEntries revocations held cluster-wide before a new one is refused
 * @param replayMaxEntries proofs remembered cluster-wide before new ones are answered FULL
 * @param clock the clock every expiry is computed with (the filter's)
 * @param nonceRotation how long one DPoP nonce key is current
 */
public record HazelcastStoreOptions(
    String mapPrefix,
    Duration operationTimeout,
    long revocationMaxEntries,
    long replayMaxEntries,
    Clock clock,
    Duration nonceRotation) {

  /**
   * {@code gatehouse.}, one second, 1,000,000 revocations and proofs, the system clock, a new nonce
   * key a day.
   */
  public static HazelcastStoreOptions defaults() {
    return new HazelcastStoreOptions(
        HazelcastKey.MAP_PREFIX.defaultValue(),
        Duration.ofSeconds(1),
        Long.parseLong(HazelcastKey.REVOCATION_MAX_ENTRIES.defaultValue()),
        Long.parseLong(HazelcastKey.REPLAY_MAX_ENTRIES.defaultValue()),
        Clock.systemUTC(),
        DpopPolicy.DEFAULT_NONCE_ROTATION);
  }

  public HazelcastStoreOptions {
    Objects.requireNonNull(mapPrefix, "mapPrefix");
    Objects.requireNonNull(clock, "clock");
    if (operationTimeout.isNegative() || operationTimeout.isZero()) {
      throw new IllegalArgumentException("operationTimeout must be positive: " + operationTimeout);
    }
    if (revocationMaxEntries < 1) {
      throw new IllegalArgumentException(
          "revocationMaxEntries must be positive: " + revocationMaxEntries);
    }
    if (replayMaxEntries < 1) {
      throw new IllegalArgumentException("replayMaxEntries must be positive: " + replayMaxEntries);
    }
    if (nonceRotation.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("nonceRotation must be at least 1s: " + nonceRotation);
    }
  }

  /** These options with {@code prefix} before every map name. */
  public HazelcastStoreOptions withMapPrefix(String prefix) {
    return new HazelcastStoreOptions(
        prefix, operationTimeout, revocationMaxEntries, replayMaxEntries, clock, nonceRotation);
  }

  /** These options with another operation timeout. */
  public HazelcastStoreOptions withOperationTimeout(Duration timeout) {
    return new HazelcastStoreOptions(
        mapPrefix, timeout, revocationMaxEntries, replayMaxEntries, clock, nonceRotation);
  }

  /** These options with another bound on held revocations. */
  public HazelcastStoreOptions withRevocationMaxEntries(long max) {
    return new HazelcastStoreOptions(
        mapPrefix, operationTimeout, max, replayMaxEntries, clock, nonceRotation);
  }

  /** These options with another bound on remembered proofs. */
  public HazelcastStoreOptions withReplayMaxEntries(long max) {
    return new HazelcastStoreOptions(
        mapPrefix, operationTimeout, revocationMaxEntries, max, clock, nonceRotation);
  }

  /** These options with the filter's clock and nonce rotation. */
  public HazelcastStoreOptions withClock(Clock clock, Duration nonceRotation) {
    return new HazelcastStoreOptions(
        mapPrefix, operationTimeout, revocationMaxEntries, replayMaxEntries, clock, nonceRotation);
  }

  String revocations() {
    return mapPrefix + "revocations";
  }

  String revocationRevision() {
    return mapPrefix + "revocation-revision";
  }

  String replays() {
    return mapPrefix + "replays";
  }

  String nonceSecrets() {
    return mapPrefix + "nonce-secrets";
  }

  String introspections() {
    return mapPrefix + "introspections";
  }
}
