package dev.gatehouse.it.cluster;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.DpopKey;
import dev.gatehouse.test.LocalOpenIdProvider;
import dev.gatehouse.test.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three JVMs, each a Jetty with the cluster WAR and an embedded Hazelcast member, and a client
 * spreading requests over them round robin: what one node learns, the others know (issue 17).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String AUDIENCE = "https://api.gatehouse.test/orders";
  private static final Duration PROPAGATION = Duration.ofSeconds(1);
  private static final String SIGNALS_AUDIENCE = "https://api.gatehouse.test/signals";
  private static final String PUSH_SECRET = "transmitter-" + UUID.randomUUID();
  private static final String SESSION_REVOKED =
      "https://schemas.openid.net/secevent/caep/event-type/session-revoked";

  private LocalOpenIdProvider provider;
  private Tokens tokens;
  private Cluster cluster;
  private final Calls calls = new Calls();

  @BeforeAll
  void startCluster() throws Exception {
    provider = LocalOpenIdProvider.start(AUDIENCE);
    tokens = provider.tokens();
    Map<String, String> settings = new LinkedHashMap<>(provider.settings());
    // The provider is the Shared Signals transmitter too: its keys sign the SETs.
    settings.put("gatehouse.signals.transmitter-issuer", provider.issuer());
    settings.put("gatehouse.signals.jwks-uri", provider.jwksUri().toString());
    settings.put("gatehouse.signals.audience", SIGNALS_AUDIENCE);
    settings.put("gatehouse.signals.token-issuer", provider.issuer());
    settings.put("gatehouse.signals.push-secret", PUSH_SECRET);
    cluster = new Cluster(Path.of(System.getProperty("gatehouse.it.war.cluster")), settings, 3);
    cluster.start();
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  @Order(1)
  void everyNodeAcceptsAGoodTokenAndRefusesABadOne() throws Exception {
    String good = tokens.valid().build();
    for (NodeProcess node : cluster.members()) {
      assertThat(calls.bearer(node, good)).isAccepted();
      assertThat(calls.bearer(node, tokens.expired().build())).isRefused(Rejection.EXPIRED);
    }
  }

  @Test
  @Order(2)
  void aTokenRevokedThroughNodeOneIsRefusedByNodesTwoAndThreeWithinOneSecond() throws Exception {
    String jti = "revoked-" + System.nanoTime();
    String token = tokens.valid().claim("jti", jti).build();
    assertThat(calls.bearer(cluster.node(2), token)).isAccepted();
    assertThat(calls.bearer(cluster.node(3), token)).isAccepted();

    HttpResponse<String> revoked = calls.revokeTokenId(cluster.node(1), admin(), jti, inAnHour());
    assertEquals(204, revoked.statusCode(), revoked.body());

    Instant revokedAt = Instant.now();
    for (NodeProcess node : new NodeProcess[] {cluster.node(2), cluster.node(3)}) {
      HttpResponse<String> refused = calls.untilRefused(node, token, PROPAGATION.multipliedBy(5));
      assertThat(refused).isRefused(Rejection.TOKEN_REVOKED);
    }
    Duration took = Duration.between(revokedAt, Instant.now());
    assertTrue(took.compareTo(PROPAGATION) <= 0, "refused everywhere after " + took);
  }

  @Test
  @Order(3)
  void aDpopProofUsedAtNodeOneIsRefusedWhenReplayedAtNodeTwo() throws Exception {
    DpopKey key = DpopKey.generate();
    String token = tokens.valid().dpopBoundTo(key).build();
    String proof = key.proof("GET", Cluster.PUBLIC_BASE_URL + "/api/me", token);

    assertThat(calls.dpop(cluster.node(1), token, proof)).isAccepted();
    assertThat(calls.dpop(cluster.node(2), token, proof))
        .isRefused(Rejection.DPOP_PROOF_REPLAYED)
        .onDpop();
    String fresh = key.proof("GET", Cluster.PUBLIC_BASE_URL + "/api/me", token);
    assertThat(calls.dpop(cluster.node(2), token, fresh)).isAccepted();
  }

  @Test
  @Order(4)
  void aSecurityEventPushedToNodeThreeRevokesOnNodesOneAndTwo() throws Exception {
    String token = tokens.valid().subject("mallory").issuedAgo(Duration.ofSeconds(5)).build();
    assertThat(calls.bearer(cluster.node(1), token)).isAccepted();

    String set =
        tokens
            .valid()
            .type("secevent+jwt")
            .audiences(SIGNALS_AUDIENCE)
            .claim("jti", UUID.randomUUID().toString())
            .claim(
                "sub_id", Map.of("format", "iss_sub", "iss", provider.issuer(), "sub", "mallory"))
            .claim(
                "events",
                Map.of(
                    SESSION_REVOKED, Map.of("event_timestamp", Instant.now().getEpochSecond() - 1)))
            .build();
    HttpResponse<String> pushed = calls.pushSet(cluster.node(3), set, PUSH_SECRET);
    assertEquals(202, pushed.statusCode(), pushed.body());

    Instant pushedAt = Instant.now();
    for (NodeProcess node : new NodeProcess[] {cluster.node(1), cluster.node(2)}) {
      assertThat(calls.untilRefused(node, token, PROPAGATION.multipliedBy(5)))
          .isRefused(Rejection.TOKEN_REVOKED);
    }
    Duration took = Duration.between(pushedAt, Instant.now());
    assertTrue(took.compareTo(PROPAGATION) <= 0, "refused everywhere after " + took);
    String later = tokens.valid().subject("mallory").build();
    assertThat(calls.bearer(cluster.node(2), later)).isAccepted();
  }

  @Test
  @Order(5)
  void killingOneNodeUnderLoadLeavesNoWrongDecisionAndTheNodeRejoins() throws Exception {
    String revokedJti = "before-kill-" + System.nanoTime();
    String revokedToken = tokens.valid().claim("jti", revokedJti).build();
    assertEquals(
        204, calls.revokeTokenId(cluster.node(1), admin(), revokedJti, inAnHour()).statusCode());
    MixedLoad load = new MixedLoad(cluster, calls, tokens, revokedToken);

    MixedLoad.Result result =
        load.run(64, Duration.ofSeconds(8), Duration.ofSeconds(3), () -> cluster.node(2).kill());

    System.out.println("cluster load with node 2 killed: " + result);
    assertEquals(0, result.wrongDecisions(), result.toString());
    assertEquals(0, result.unexpectedServerErrors(), result.toString());
    assertTrue(result.decisions() > 1_000, result.toString());

    cluster.node(2).start(Duration.ofSeconds(90));
    assertThat(calls.bearer(cluster.node(2), tokens.valid().build())).isAccepted();
    assertThat(calls.untilRefused(cluster.node(2), revokedToken, Duration.ofSeconds(5)))
        .isRefused(Rejection.TOKEN_REVOKED);
  }

  @Test
  @Order(6)
  void aClientNodeWhoseClusterIsGoneFailsClosed() throws Exception {
    NodeProcess client = cluster.startClientNode();
    String good = tokens.valid().build();
    assertThat(calls.bearer(client, good)).isAccepted();

    for (NodeProcess member : cluster.members()) {
      member.kill();
    }

    HttpResponse<String> unavailable = calls.untilStatus(client, good, 503, Duration.ofSeconds(30));
    assertThat(unavailable).isUnavailable();
    assertTrue(unavailable.headers().firstValue("Retry-After").isPresent(), "Retry-After");
  }

  private String admin() {
    return tokens.valid().scopes("admin:revocations").build();
  }

  private static Instant inAnHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }
}
