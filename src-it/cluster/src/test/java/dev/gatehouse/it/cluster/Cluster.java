package dev.gatehouse.it.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Three nodes of the cluster WAR, each an embedded Hazelcast member, joined over TCP on 127.0.0.1
 * under a cluster name of their own; plus, on demand, a node that is only a Hazelcast client of the
 * three. Every node is told the same public base URL: the load balancer's.
 */
final class Cluster implements AutoCloseable {

  static final String PUBLIC_BASE_URL = "https://api.gatehouse.test";
  private static final Duration START = Duration.ofSeconds(90);

  private final Path war;
  private final Path logs;
  private final Map<String, String> common;
  private final List<Integer> memberPorts = new ArrayList<>();
  private final List<NodeProcess> members = new ArrayList<>();
  private final List<NodeProcess> all = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  Cluster(Path war, Map<String, String> providerSettings, int size) throws IOException {
    this.war = war;
    this.logs = Files.createDirectories(Path.of("target", "cluster-logs"));
    this.common = new LinkedHashMap<>(providerSettings);
    common.put("gatehouse.public-base-url", PUBLIC_BASE_URL);
    common.put("gatehouse.store", "hazelcast");
    common.put("gatehouse.store.hazelcast.cluster-name", "it-" + UUID.randomUUID());
    common.put("hazelcast.phone.home.enabled", "false");
    common.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    for (int i = 0; i < size; i++) {
      memberPorts.add(freePort());
    }
    String memberList =
        memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    common.put("gatehouse.store.hazelcast.members", memberList);
    for (int i = 0; i < size; i++) {
      Map<String, String> settings = new LinkedHashMap<>(common);
      settings.put("gatehouse.store.hazelcast.mode", "member");
      settings.put("gatehouse.store.hazelcast.port", Integer.toString(memberPorts.get(i)));
      NodeProcess node = new NodeProcess("node-" + (i + 1), war, freePort(), settings, logs);
      members.add(node);
      all.add(node);
    }
  }

  /** Starts the members one after the other, so each joins the cluster the first one formed. */
  void start() throws IOException, InterruptedException {
    for (NodeProcess member : members) {
      member.start(START);
    }
  }

  /** A fourth node that holds no data: a Hazelcast client of the members. */
  NodeProcess startClientNode() throws IOException, InterruptedException {
    Map<String, String> settings = new LinkedHashMap<>(common);
    settings.put("gatehouse.store.hazelcast.mode", "client");
    NodeProcess client = new NodeProcess("client-node", war, freePort(), settings, logs);
    all.add(client);
    client.start(START);
    return client;
  }

  NodeProcess node(int oneBased) {
    return members.get(oneBased - 1);
  }

  List<NodeProcess> members() {
    return List.copyOf(members);
  }

  /** The next live member in turn, as a round-robin load balancer picks. */
  NodeProcess roundRobin() {
    for (int tries = 0; tries < members.size(); tries++) {
      NodeProcess node = members.get(Math.floorMod(next.getAndIncrement(), members.size()));
      if (node.isAlive()) {
        return node;
      }
    }
    throw new IllegalStateException("no live node");
  }

  @Override
  public void close() throws InterruptedException {
    for (NodeProcess node : all) {
      if (node.isAlive()) {
        node.kill();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
