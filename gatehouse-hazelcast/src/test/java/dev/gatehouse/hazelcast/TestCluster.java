package dev.gatehouse.hazelcast;

import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.store.StoreContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Embedded members on 127.0.0.1, each on its own fixed free port, joined by TCP-IP (multicast off),
 * each with its store made by {@link HazelcastStoreFactory} as {@code gatehouse.store=hazelcast}
 * would make it. A cluster name of its own keeps one test's members away from another's.
 */
final class TestCluster implements AutoCloseable {

  static final Duration ROTATION = Duration.ofMinutes(10);
  private static final Random RANDOM = new Random();
  private static final Set<Integer> USED = ConcurrentHashMap.newKeySet();

  final String name = "gatehouse-test-" + UUID.randomUUID();
  final List<Integer> ports = new ArrayList<>();
  final List<HazelcastSharedStore> stores = new ArrayList<>();

  private TestCluster() {}

  /** {@code size} members with the given extra settings, all started and joined. */
  static TestCluster start(int size, Clock clock, Map<String, String> extra) {
    TestCluster cluster = new TestCluster();
    for (int i = 0; i < size; i++) {
      cluster.ports.add(freePort());
    }
    try {
      for (int port : cluster.ports) {
        cluster.stores.add(cluster.memberStore(port, clock, extra));
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  static TestCluster start(int size, Clock clock) {
    return start(size, clock, Map.of());
  }

  HazelcastSharedStore store(int i) {
    return stores.get(i);
  }

  /** The settings of a member on {@code port} of this cluster. */
  Map<String, String> memberSettings(int port, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put(HazelcastKey.CLUSTER_NAME.property(), name);
    settings.put(HazelcastKey.PORT.property(), Integer.toString(port));
    settings.put(HazelcastKey.MEMBERS.property(), addresses());
    // A first call in a cold JVM (class loading, the coverage agent) can take a second; the
    // tests of the timeout itself set their own.
    settings.put(HazelcastKey.OPERATION_TIMEOUT.property(), "5s");
    settings.putAll(extra);
    return settings;
  }

  String addresses() {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  HazelcastSharedStore memberStore(int port, Clock clock, Map<String, String> extra) {
    return create(memberSettings(port, extra), clock);
  }

  static HazelcastSharedStore create(Map<String, String> settings, Clock clock) {
    return (HazelcastSharedStore)
        new HazelcastStoreFactory()
            .create(new StoreContext(PropertyLookup.of(settings), clock, ROTATION));
  }

  /**
   * A port below the ephemeral range (32768 and up on Linux), never handed out twice in this JVM: a
   * port the kernel picked for {@code new ServerSocket(0)} may be given again to an outgoing
   * connection (the members' own) before the member binds it.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + RANDOM.nextInt(12_000);
      if (!USED.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException busy) {
        // taken by someone else on this machine: try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port found"));
  }

  @Override
  public void close() {
    stores.parallelStream().forEach(HazelcastSharedStore::close);
  }
}
