package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.SharedStoreFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HazelcastStoreFactoryTest {

  @Test
  void gatehouseStoreHazelcastFindsThisFactory() {
    // filter-core's test fixtures bring a factory of their own when the build runs from the root.
    List<SharedStoreFactory> named =
        ServiceLoader.load(SharedStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals("hazelcast"))
            .toList();
    assertEquals(1, named.size());
    assertEquals(HazelcastStoreFactory.class, named.get(0).getClass());
  }

  @Test
  void aMemberJoinsOnlyTheListedAddressesOnTheGivenInterface() {
    Config config =
        HazelcastStoreFactory.member(
            PropertyLookup.of(
                Map.of(
                    HazelcastKey.CLUSTER_NAME.property(), "orders",
                    HazelcastKey.MEMBERS.property(), "10.0.0.1:5701, 10.0.0.2:5701",
                    HazelcastKey.PORT.property(), "5801",
                    HazelcastKey.INTERFACE.property(), "10.0.0.1")),
            HazelcastStoreOptions.defaults(),
            true);

    assertEquals("orders", config.getClusterName());
    assertEquals(5801, config.getNetworkConfig().getPort());
    assertFalse(config.getNetworkConfig().isPortAutoIncrement());
    assertEquals(
        List.of("10.0.0.1"),
        List.copyOf(config.getNetworkConfig().getInterfaces().getInterfaces()));
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701"), join.getTcpIpConfig().getMembers());
    assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"));
    assertEquals("false", config.getProperty(HazelcastStoreMaps.INVALIDATION_BATCHES));
    assertTrue(
        config.getMapConfig("gatehouse.revocations").getNearCacheConfig().isInvalidateOnChange());
    assertEquals(
        "com.hazelcast.spi.merge.ExpirationTimeMergePolicy",
        config.getMapConfig("gatehouse.revocations").getMergePolicyConfig().getPolicy());
  }

  @Test
  void aClientConnectsToTheListedAddressesWithTheRevocationsNearCacheUnlessOff() {
    PropertyLookup settings =
        PropertyLookup.of(
            Map.of(
                HazelcastKey.MEMBERS.property(), "hz1:5701,hz2:5701",
                HazelcastKey.MAP_PREFIX.property(), "shop."));
    HazelcastStoreOptions options = HazelcastStoreOptions.defaults().withMapPrefix("shop.");

    ClientConfig on = HazelcastStoreFactory.client(settings, options, true);
    ClientConfig off = HazelcastStoreFactory.client(settings, options, false);

    assertEquals(List.of("hz1:5701", "hz2:5701"), on.getNetworkConfig().getAddresses());
    assertTrue(on.getNearCacheConfigMap().containsKey("shop.revocations"));
    assertFalse(off.getNearCacheConfigMap().containsKey("shop.revocations"));
    assertEquals("1", on.getProperty("hazelcast.client.invocation.timeout.seconds"));
  }

  @ParameterizedTest
  @CsvSource({
    "mode, peer",
    "near-cache, sometimes",
    "operation-timeout, 0ms",
    "operation-timeout, soon",
    "operation-timeout, PT-1S",
    "port, 70000",
    "port, http",
    "replay-max-entries, -5",
    "members, ' , '",
    "instance-name, no-such-instance"
  })
  void aMalformedSettingIsRefusedAndStartsNothing(String key, String value) {
    int running = Hazelcast.getAllHazelcastInstances().size();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestCluster.create(Map.of(HazelcastKey.PREFIX + key, value), Clock.systemUTC()));
    assertTrue(e.getMessage().startsWith(HazelcastKey.PREFIX + key), e.getMessage());
    assertEquals(running, Hazelcast.getAllHazelcastInstances().size());
  }

  @Test
  void aRunningInstanceFoundByNameIsUsedAndLeftRunning() {
    try (TestCluster cluster = TestCluster.start(1, Clock.systemUTC())) {
      HazelcastInstance running = cluster.store(0).instance();
      HazelcastSharedStore store =
          TestCluster.create(
              Map.of(HazelcastKey.INSTANCE_NAME.property(), running.getName()), Clock.systemUTC());
      assertSame(running, store.instance());
      Revocation revocation =
          Revocation.ofTokenId("https://idp", "by-name", Instant.now().plusSeconds(60));
      store.revocations().revoke(revocation);
      assertEquals(
          List.of(revocation), cluster.store(0).revocations().find(Set.of(revocation.key())));

      store.close();

      assertTrue(running.getLifecycleService().isRunning());
    }
  }

  @Test
  void aMemberTheStoreStartedIsShutDownWhenTheStoreCloses() {
    TestCluster cluster = TestCluster.start(1, Clock.systemUTC());
    HazelcastInstance started = cluster.store(0).instance();
    cluster.close();
    assertFalse(started.getLifecycleService().isRunning());
  }

  @Test
  void optionsRefuseValuesThatCannotWork() {
    HazelcastStoreOptions defaults = HazelcastStoreOptions.defaults();
    assertThrows(
        IllegalArgumentException.class, () -> defaults.withOperationTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> defaults.withReplayMaxEntries(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> defaults.withClock(Clock.systemUTC(), Duration.ofMillis(999)));
    assertThrows(
        IllegalArgumentException.class,
        () -> HazelcastStoreMaps.addTo(new Config(), defaults, true, 0));
  }
}
