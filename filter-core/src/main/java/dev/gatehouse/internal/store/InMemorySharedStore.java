package dev.gatehouse.internal.store;

import dev.gatehouse.internal.sender.InMemoryReplayStore;
import dev.gatehouse.internal.sender.RotatingNonceSecrets;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.SharedStore;
import java.time.Clock;
import java.time.Duration;

/**
 * The default {@link SharedStore} ({@code gatehouse.store=memory}): everything in this JVM, nothing
 * to run. Right for one node; nodes behind a load balancer need a store they share.
 */
public final class InMemorySharedStore implements SharedStore {

  private final InMemoryRevocationStore revocations;
  private final ReplayStore replays;
  private final NonceSecrets nonceSecrets;
  private final IntrospectionStore introspections;

  /**
   * @param nonceRotation how often the DPoP nonce key is replaced
   * @param replayMaxEntries bound of the DPoP replay entries ({@code
   *     gatehouse.dpop.replay-max-entries})
   */
  public InMemorySharedStore(Clock clock, Duration nonceRotation, int replayMaxEntries) {
    this.revocations =
        new InMemoryRevocationStore(clock, InMemoryRevocationStore.DEFAULT_MAX_ENTRIES);
    this.replays = new InMemoryReplayStore(clock, replayMaxEntries);
    this.nonceSecrets = new RotatingNonceSecrets(clock, nonceRotation);
    this.introspections =
        new InMemoryIntrospectionStore(clock, InMemoryIntrospectionStore.DEFAULT_MAX_ENTRIES);
  }

  @Override
  public InMemoryRevocationStore revocations() {
    return revocations;
  }

  @Override
  public ReplayStore replays() {
    return replays;
  }

  @Override
  public NonceSecrets nonceSecrets() {
    return nonceSecrets;
  }

  @Override
  public IntrospectionStore introspections() {
    return introspections;
  }
}
