package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import java.util.Objects;

/**
 * Gatehouse's shared state on Hazelcast: four maps (revocations, used DPoP proofs, nonce keys,
 * introspection answers) of the given instance, an embedded member or a client alike. Every
 * operation waits at most the operation timeout and any failure is a {@link
 * dev.gatehouse.store.StoreUnavailableException}. Keys and values are strings, numbers and byte
 * arrays, so a cluster of plain Hazelcast members needs none of Gatehouse's classes.
 *
 * <p>Applications that already run Hazelcast pass their instance to {@link #using} and add the
 * maps' configuration with {@link HazelcastStoreMaps}; the store then leaves the instance running
 * when it is closed. With {@code gatehouse.store=hazelcast}, {@link HazelcastStoreFactory} starts
 * or joins one from the settings (docs/hazelcast.md).
 */
public final class HazelcastSharedStore implements SharedStore {

  private final HazelcastInstance instance;
  private final boolean owned;
  private final Remote remote;
  private final HazelcastRevocations revocations;
  private final HazelcastReplays replays;
  private final HazelcastNonceSecrets nonceSecrets;
  private final HazelcastIntrospections introspections;

  private HazelcastSharedStore(
      HazelcastInstance instance, boolean owned, HazelcastStoreOptions options) {
    this.instance = Objects.requireNonNull(instance, "instance");
    this.owned = owned;
    this.remote = new Remote(instance, options.operationTimeout());
    this.revocations = new HazelcastRevocations(instance, options, remote, options.clock());
    remote.onReconnect(revocations::forgetCheck);
    this.replays =
        new HazelcastReplays(
            new LazyMap<>(instance, options.replays()),
            remote,
            options.clock(),
            options.replayMaxEntries());
    this.nonceSecrets =
        new HazelcastNonceSecrets(
            new LazyMap<>(instance, options.nonceSecrets()),
            remote,
            options.clock(),
            options.nonceRotation());
    this.introspections =
        new HazelcastIntrospections(
            new LazyMap<>(instance, options.introspections()), remote, options.clock());
  }

  /** A store on the application's own instance, with the default options; close leaves it up. */
  public static HazelcastSharedStore using(HazelcastInstance instance) {
    return using(instance, HazelcastStoreOptions.defaults());
  }

  /** A store on the application's own instance; close leaves it running. */
  public static HazelcastSharedStore using(
      HazelcastInstance instance, HazelcastStoreOptions options) {
    return new HazelcastSharedStore(instance, false, options);
  }

  /** A store on an instance it started itself, which close shuts down. */
  static HazelcastSharedStore owning(HazelcastInstance instance, HazelcastStoreOptions options) {
    try {
      return new HazelcastSharedStore(instance, true, options);
    } catch (RuntimeException e) {
      instance.shutdown();
      throw e;
    }
  }

  /** The instance underneath, for an application that wants to look at its maps. */
  public HazelcastInstance instance() {
    return instance;
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
    return nonceSecrets;
  }

  @Override
  public IntrospectionStore introspections() {
    return introspections;
  }

  @Override
  public void close() {
    // The store's own calls first: none of its threads may still be inside Hazelcast when the
    // instance is shut down.
    remote.close();
    revocations.close();
    if (owned) {
      instance.shutdown();
    }
  }
}
