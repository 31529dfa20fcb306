package dev.gatehouse.internal.sender;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.SwitchableStore;
import dev.gatehouse.testing.TestTokens;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two filters ("nodes") sharing one store: a DPoP proof used at one is a replay at the other (RFC
 * 9449 section 11.1), and a replay check the store cannot answer is 503 under fail-closed.
 */
class SharedReplayTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();

  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static final String URL = DpopFilterTest.ORIGIN + "/api/echo";

  private final DpopClient client = DpopClient.es256();
  private final SwitchableStore cluster = new SwitchableStore(Clock.systemUTC());

  private ProtectedApi node() {
    return ProtectedApi.start(
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .store(cluster)
            .storeUnavailable(StoreOutage.FAIL_CLOSED)
            .build());
  }

  private static Reply dpop(ProtectedApi api, String token, String proof) {
    return api.send(
        api.request("/api/echo").header("Authorization", "DPoP " + token).header("DPoP", proof));
  }

  @Test
  void whenAProofUsedAtOneNodeIsReplayedAtAnotherThenItIsRefused() {
    try (ProtectedApi node1 = node();
        ProtectedApi node2 = node()) {
      String token = tokens.valid().claim("cnf", Map.of("jkt", client.thumbprint())).build();
      String proof = client.proof("GET", URL, token);

      assertEquals(200, dpop(node1, token, proof).status());
      Reply replayed = dpop(node2, token, proof);

      assertEquals(401, replayed.status());
      assertTrue(replayed.challenge().contains(Refusals.DPOP_PROOF_REPLAYED), replayed.challenge());
    }
  }

  @Test
  void whenTheStoreCannotAnswerTheReplayCheckThenTheAnswerIs503() {
    try (ProtectedApi node1 = node()) {
      String token = tokens.valid().claim("cnf", Map.of("jkt", client.thumbprint())).build();
      cluster.down();

      Reply reply = dpop(node1, token, client.proof("GET", URL, token));

      assertEquals(503, reply.status());
      assertEquals("1", reply.header("Retry-After"));
    }
  }
}
