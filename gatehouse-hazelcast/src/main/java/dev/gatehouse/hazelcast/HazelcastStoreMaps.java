package dev.gatehouse.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.spi.merge.ExpirationTimeMergePolicy;

/**
 * The map configuration the store relies on, for a member's {@link Config} or a client's {@link
 * ClientConfig}; the factory applies it to the instances it starts, an application adds it to its
 * own configuration before starting its instance.
 *
 * <p>Revocations and used proofs are never evicted (a forgotten entry would let a token or a proof
 * back in); their entries leave by their TTL. Introspection answers may be evicted, least recently
 * used first. Revocations are read through a near cache unless it is turned off; members send its
 * invalidations at once rather than in batches, so that a revocation reaches every node well within
 * a second.
 */
public final class HazelcastStoreMaps {

  /** Hazelcast's default batches member near-cache invalidations for up to ten seconds. */
  static final String INVALIDATION_BATCHES = "hazelcast.map.invalidation.batch.enabled";

  private HazelcastStoreMaps() {}

  /** Adds the maps named by {@code options} to a member configuration. */
  public static Config addTo(
      Config config,
      HazelcastStoreOptions options,
      boolean nearCache,
      int introspectionMaxEntries) {
    if (introspectionMaxEntries < 1) {
      throw new IllegalArgumentException(
          "introspection max entries must be positive: " + introspectionMaxEntries);
    }
    MapConfig revocations = new MapConfig(options.revocations()).setBackupCount(1);
    // After a split brain, of two entries for one key the one that expires later survives: its TTL
    // follows the merged until, so a revocation is not shortened by the side that knew less.
    revocations.getMergePolicyConfig().setPolicy(ExpirationTimeMergePolicy.class.getName());
    if (nearCache) {
      // Local entries too: otherwise every read of a key this member owns (about 1/n of them) is
      // an operation on a partition thread, and an absent key (most of them) is never cached.
      revocations.setNearCacheConfig(revocationNearCache(options).setCacheLocalEntries(true));
      config.setProperty(INVALIDATION_BATCHES, "false");
    }
    config.addMapConfig(revocations);
    config.addMapConfig(new MapConfig(options.revocationRevision()).setBackupCount(1));
    config.addMapConfig(new MapConfig(options.replays()).setBackupCount(1));
    config.addMapConfig(new MapConfig(options.nonceSecrets()).setBackupCount(1));
    config.addMapConfig(
        new MapConfig(options.introspections())
            .setBackupCount(1)
            .setEvictionConfig(
                new EvictionConfig()
                    .setEvictionPolicy(EvictionPolicy.LRU)
                    .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                    .setSize(introspectionMaxEntries)));
    return config;
  }

  /**
   * Adds the revocations' near cache to a client configuration (when {@code nearCache}); the maps
   * themselves are configured on the cluster's members.
   */
  public static ClientConfig addTo(
      ClientConfig config, HazelcastStoreOptions options, boolean nearCache) {
    if (nearCache) {
      config.addNearCacheConfig(revocationNearCache(options));
    }
    return config;
  }

  private static NearCacheConfig revocationNearCache(HazelcastStoreOptions options) {
    return new NearCacheConfig(options.revocations())
        .setInvalidateOnChange(true)
        .setEvictionConfig(
            new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setSize(10_000));
  }
}
