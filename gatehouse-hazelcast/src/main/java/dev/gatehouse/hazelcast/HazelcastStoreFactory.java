package dev.gatehouse.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.SharedStoreFactory;
import dev.gatehouse.store.StoreContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code gatehouse.store=hazelcast}: a {@link HazelcastSharedStore} on an embedded member, a
 * client, or a running instance found by name, as the {@code gatehouse.store.hazelcast.*} settings
 * say ({@link HazelcastKey}). Members join by TCP-IP to the listed addresses only, never by
 * multicast.
 */
public final class HazelcastStoreFactory implements SharedStoreFactory {

  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public SharedStore create(StoreContext context) {
    PropertyLookup settings = context.settings();
    HazelcastStoreOptions options =
        HazelcastStoreOptions.defaults()
            .withMapPrefix(HazelcastKey.MAP_PREFIX.in(settings))
            .withOperationTimeout(duration(HazelcastKey.OPERATION_TIMEOUT, settings))
            .withRevocationMaxEntries(number(HazelcastKey.REVOCATION_MAX_ENTRIES, settings))
            .withReplayMaxEntries(number(HazelcastKey.REPLAY_MAX_ENTRIES, settings))
            .withClock(context.clock(), context.nonceRotation());
    String instanceName = HazelcastKey.INSTANCE_NAME.in(settings);
    if (!instanceName.isEmpty()) {
      return HazelcastSharedStore.using(running(instanceName), options);
    }
    boolean nearCache = onOff(HazelcastKey.NEAR_CACHE, settings);
    String mode = HazelcastKey.MODE.in(settings).toLowerCase(Locale.ROOT);
    HazelcastInstance instance =
        switch (mode) {
          case "member" -> Hazelcast.newHazelcastInstance(member(settings, options, nearCache));
          case "client" -> HazelcastClient.newHazelcastClient(client(settings, options, nearCache));
          default ->
              throw new IllegalArgumentException(
                  HazelcastKey.MODE.property() + ": '" + mode + "' is neither member nor client");
        };
    return HazelcastSharedStore.owning(instance, options);
  }

  static Config member(PropertyLookup settings, HazelcastStoreOptions options, boolean nearCache) {
    Config config = new Config().setClusterName(HazelcastKey.CLUSTER_NAME.in(settings));
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port(settings)).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(HazelcastKey.INTERFACE.in(settings));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members(settings));
    int introspections = Math.toIntExact(number(HazelcastKey.INTROSPECTION_MAX_ENTRIES, settings));
    return HazelcastStoreMaps.addTo(config, options, nearCache, introspections);
  }

  static ClientConfig client(
      PropertyLookup settings, HazelcastStoreOptions options, boolean nearCache) {
    ClientConfig config = new ClientConfig().setClusterName(HazelcastKey.CLUSTER_NAME.in(settings));
    config.getNetworkConfig().setAddresses(members(settings));
    // Started without waiting for the cluster, and never blocking a request while it reconnects:
    // operations fail at once (StoreUnavailableException) and the filter's policy answers.
    config
        .getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC);
    long seconds = Math.max(1, (options.operationTimeout().toMillis() + 999) / 1000);
    config.setProperty("hazelcast.client.invocation.timeout.seconds", Long.toString(seconds));
    return HazelcastStoreMaps.addTo(config, options, nearCache);
  }

  private static HazelcastInstance running(String name) {
    HazelcastInstance member = Hazelcast.getHazelcastInstanceByName(name);
    if (member != null) {
      return member;
    }
    HazelcastInstance client = HazelcastClient.getHazelcastClientByName(name);
    if (client != null) {
      return client;
    }
    throw new IllegalArgumentException(
        HazelcastKey.INSTANCE_NAME.property() + ": no running Hazelcast instance named " + name);
  }

  private static List<String> members(PropertyLookup settings) {
    List<String> members =
        Arrays.stream(HazelcastKey.MEMBERS.in(settings).split("[,\\s]+"))
            .filter(s -> !s.isEmpty())
            .toList();
    if (members.isEmpty()) {
      throw new IllegalArgumentException(HazelcastKey.MEMBERS.property() + ": no address");
    }
    return members;
  }

  private static int port(PropertyLookup settings) {
    long port = number(HazelcastKey.PORT, settings);
    if (port > 65_535) {
      throw new IllegalArgumentException(HazelcastKey.PORT.property() + ": " + port);
    }
    return (int) port;
  }

  private static boolean onOff(HazelcastKey key, PropertyLookup settings) {
    String value = key.in(settings).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new IllegalArgumentException(key.property() + ": '" + value + "' is not on/off");
    };
  }

  private static long number(HazelcastKey key, PropertyLookup settings) {
    String value = key.in(settings);
    try {
      long n = Long.parseLong(value);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key.property() + ": '" + value + "' is not a positive number", e);
    }
  }

  /** {@code 500ms}, {@code 2s}, ISO-8601 {@code PT0.5S}, or bare milliseconds. */
  private static Duration duration(HazelcastKey key, PropertyLookup settings) {
    String value = key.in(settings).toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (value.startsWith("p")) {
        d = Duration.parse(value.toUpperCase(Locale.ROOT));
      } else if (value.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
      } else if (value.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()));
      } else {
        d = Duration.ofMillis(Long.parseLong(value));
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key.property() + ": '" + value + "' is not a positive duration (500ms, 2s, PT1S)", e);
    }
  }
}
