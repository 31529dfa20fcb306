package dev.gatehouse.bench.http;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.authz.Revocations;
import dev.gatehouse.bench.LoopbackPorts;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.hazelcast.HazelcastKey;
import dev.gatehouse.hazelcast.HazelcastStoreFactory;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreContext;
import dev.gatehouse.verify.TokenCachePolicy;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;

/**
 * The server side of the shared-store HTTP measurement (issue 17, http-store.sh): the same servlet
 * behind three {@link GatehouseFilter}s in one JVM, so that all run on the same JIT-compiled Jetty
 * code and differ only in the store the revocation check asks.
 *
 * <ul>
 *   <li>{@code /mem/hello}: the default in-process store;
 *   <li>{@code /hz/hello}: {@code gatehouse.store=hazelcast}, an embedded member on 127.0.0.1 with
 *       the revocations' near cache on;
 *   <li>{@code /hznc/hello}: the same with the near cache off.
 * </ul>
 *
 * <p>Each Hazelcast variant is a cluster of its own with {@code -Dbench.hzMembers} members (default
 * 2, all in this JVM): the filter's member and a peer, so that about half of the keys live on the
 * other member as they would in a cluster. The peer's work (answering the filter member's reads) is
 * counted in this process's CPU time, as it would be on some node of a real cluster.
 *
 * <p>All filters verify RS256 tokens with one static key, token cache on (default bounds). Every
 * store holds {@link #REVOKED_TOKENS} revoked token ids of other tokens and one revoked subject
 * unrelated to the pool, so no store answers from its empty-store shortcut; pool tokens carry
 * {@code jti}, {@code sub} and {@code sid}, so all three keys are looked up on every request.
 * Before saying {@code ready}, the server checks that a revoked token is refused on every path and
 * a pool token accepted ({@link StoreSelfCheck}).
 *
 * <p>Usage: {@code HttpStoreServer <port> <tokens-file> <count>}
 */
public final class HttpStoreServer {

  static final String ISSUER = HttpOverheadServer.ISSUER;
  static final String AUDIENCE = HttpOverheadServer.AUDIENCE;
  static final int REVOKED_TOKENS = 1_000;
  static final String REVOKED_SUBJECT = "former-employee@clients";
  static final List<String> PATHS = List.of("/mem/hello", "/hz/hello", "/hznc/hello");

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: HttpStoreServer <port> <tokens-file> <count>");
      System.exit(2);
    }
    // Hazelcast's own logging would fill the server log; its join wait only delays the start.
    System.setProperty("hazelcast.logging.type", "none");
    System.setProperty("hazelcast.wait.seconds.before.join", "0");
    int port = Integer.parseInt(args[0]);
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("bench-1");
    StoreTokens.writePool(key, Path.of(args[1]), Integer.parseInt(args[2]));
    String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);

    List<SharedStore> peers = new ArrayList<>();
    Server server = new Server();
    ServerConnector connector = LoopbackConnector.on(server, port);
    server.addConnector(connector);
    ServletContextHandler mem = context("/mem", config(jwks).build());
    ServletContextHandler hz = context("/hz", hazelcast(jwks, true, peers));
    ServletContextHandler hznc = context("/hznc", hazelcast(jwks, false, peers));
    server.setHandler(new ContextHandlerCollection(mem, hz, hznc));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> peers.forEach(SharedStore::close)));
    server.start();
    for (ServletContextHandler context : List.of(mem, hz, hznc)) {
      seed(Revocations.from(context.getServletContext()).orElseThrow());
    }
    int bound = connector.getLocalPort();
    StoreSelfCheck.run(key, bound, PATHS);
    System.out.println("ready store on 127.0.0.1:" + bound + " " + String.join(" ", PATHS));
    server.join();
  }

  private static ServletContextHandler context(String path, GatehouseConfig config) {
    ServletContextHandler context = new ServletContextHandler(path);
    context.addFilter(
        new FilterHolder(new GatehouseFilter(config)), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new HttpOverheadServer.Hello()), "/hello");
    return context;
  }

  private static GatehouseConfigBuilder config(String jwks) {
    GatehouseConfigBuilder builder =
        GatehouseConfig.forIssuer(ISSUER)
            .audiences(AUDIENCE)
            .requiredScopes("read")
            .publicKey(jwks);
    // -Dbench.tokenCacheEntries=N with a pool larger than the default cache (10,000), so that the
    // tokens stay cached while the stores see more distinct keys than they keep answers for.
    Integer cacheEntries = Integer.getInteger("bench.tokenCacheEntries");
    if (cacheEntries != null) {
      long bytes = Math.max(TokenCachePolicy.DEFAULTS.maxBytes(), 4096L * cacheEntries);
      builder.tokenCache(cacheEntries, bytes);
    }
    return builder;
  }

  /**
   * What {@code gatehouse.store=hazelcast} with these {@code gatehouse.store.hazelcast.*} settings
   * does: the factory's store, made when the filter starts. Peers are started first so that the
   * filter's member joins them.
   */
  private static GatehouseConfig hazelcast(
      String jwks, boolean nearCache, List<SharedStore> peers) {
    int members = Integer.getInteger("bench.hzMembers", 2);
    String cluster = "bench-" + (nearCache ? "near-" : "direct-") + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ports.add(LoopbackPorts.free());
    }
    String all = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
    for (int peer : ports.subList(1, ports.size())) {
      peers.add(
          new HazelcastStoreFactory()
              .create(
                  new StoreContext(
                      settings(cluster, all, peer, nearCache),
                      Clock.systemUTC(),
                      Duration.ofHours(1))));
    }
    PropertyLookup settings = settings(cluster, all, ports.get(0), nearCache);
    return config(jwks).store(s -> s.factory(new HazelcastStoreFactory(), settings)).build();
  }

  private static PropertyLookup settings(String cluster, String members, int port, boolean near) {
    return PropertyLookup.of(
        Map.of(
            HazelcastKey.CLUSTER_NAME.property(),
            cluster,
            HazelcastKey.MEMBERS.property(),
            members,
            HazelcastKey.PORT.property(),
            Integer.toString(port),
            HazelcastKey.NEAR_CACHE.property(),
            near ? "on" : "off"));
  }

  /** Revocations of tokens and a subject outside the pool: every lookup asks, none refuses. */
  private static void seed(Revocations revocations) {
    Instant until = Instant.now().plus(Duration.ofHours(3));
    for (int i = 0; i < REVOKED_TOKENS; i++) {
      revocations.revokeToken(ISSUER, StoreTokens.REVOKED_JTI_PREFIX + i, until);
    }
    revocations.revokeSubject(ISSUER, REVOKED_SUBJECT, Instant.now(), until);
  }

  private HttpStoreServer() {}
}
