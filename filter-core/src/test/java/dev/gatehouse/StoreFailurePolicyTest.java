package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StoreUnavailableException;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.SwitchableStore;
import dev.gatehouse.testing.SwitchableStoreFactory;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gatehouse.store.unavailable}: what a request gets while the shared store cannot be
 * reached, and that nothing this node knows is revoked is ever accepted.
 */
class StoreFailurePolicyTest {

  static final String REVOKED = invalidToken(Refusals.REVOKED);

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  private final SwitchableStore cluster = new SwitchableStore(Clock.systemUTC());

  private GatehouseFilter node(StoreOutage outage) {
    return new GatehouseFilter(
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .store(cluster)
            .storeUnavailable(outage)
            .build());
  }

  private static Revocations revocationsOf(GatehouseFilter filter) {
    return Objects.requireNonNull(filter.revocations());
  }

  @Test
  void whenTheStoreIsDownAndThePolicyIsFailClosedThenAValidTokenGets503WithRetryAfter() {
    try (ProtectedApi api = ProtectedApi.startWith(node(StoreOutage.FAIL_CLOSED))) {
      String token = tokens.valid().build();
      cluster.down();

      Reply reply = api.get(token);

      assertEquals(503, reply.status());
      assertEquals("1", reply.header("Retry-After"));
      cluster.up();
      assertEquals(200, api.get(token).status(), "served again as soon as the store answers");
    }
  }

  @Test
  void whenTheStoreIsDownAndThePolicyIsFailClosedThenARevocationIsRefusedToItsWriter() {
    GatehouseFilter filter = node(StoreOutage.FAIL_CLOSED);
    cluster.down();

    assertThrows(
        StoreUnavailableException.class,
        () ->
            revocationsOf(filter)
                .revokeToken(provider.issuer(), "t-1", Instant.now().plusSeconds(300)));
  }

  @Test
  void whenTheStoreIsDownAndThePolicyIsNodeLocalThenAValidTokenPasses() {
    try (ProtectedApi api = ProtectedApi.startWith(node(StoreOutage.NODE_LOCAL))) {
      cluster.down();

      assertEquals(200, api.get(tokens.valid().build()).status());
    }
  }

  @Test
  void whenARevocationIsWrittenDuringAnOutageThenThisNodeRefusesAndTheStoreGetsItLater() {
    GatehouseFilter filter = node(StoreOutage.NODE_LOCAL);
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      String token = tokens.valid().claim("jti", "t-2").build();
      cluster.down();

      revocationsOf(filter).revokeToken(provider.issuer(), "t-2", Instant.now().plusSeconds(330));

      assertEquals(REVOKED, api.get(token).challenge(), "refused while the store is down");
      cluster.up();
      assertEquals(REVOKED, api.get(token).challenge(), "and after it is back");
      assertTrue(
          !cluster
              .revocations()
              .find(
                  List.of(new Revocation.Key(Revocation.Target.TOKEN_ID, provider.issuer(), "t-2")))
              .isEmpty(),
          "sent to the shared store once it answered");
    }
  }

  @Test
  void whenTheStoreComesBackWithoutTheEntryThenWhatThisNodeKnowsIsStillRefused() {
    GatehouseFilter filter = node(StoreOutage.NODE_LOCAL);
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      String token = tokens.valid().claim("sub", "mallory").build();
      cluster.down();
      revocationsOf(filter)
          .revokeSubject(provider.issuer(), "mallory", Instant.now().plusSeconds(1));

      assertEquals(REVOKED, api.get(token).challenge());
      cluster.up();
      assertEquals(REVOKED, api.get(token).challenge());
    }
  }

  @Test
  void whenTheStoreSettingNamesNoKnownStoreThenInitFailsNamingTheKnownOnes() {
    Map<String, String> params = new HashMap<>(FilterRevocationTest.containerParams());
    params.put("gatehouse.store", "cassandra");
    GatehouseFilter filter = new GatehouseFilter();

    ServletException e =
        assertThrows(
            ServletException.class,
            () -> filter.init(FilterConfigs.of(params, FilterConfigs.context(new HashMap<>()))));

    assertTrue(e.getMessage().contains("gatehouse.store"), e.getMessage());
    assertTrue(e.getMessage().contains("known: memory"), e.getMessage());
  }

  @Test
  void whenTheStoreSettingNamesAFactoryThenTheFilterMakesItsStoreAndClosesItOnDestroy()
      throws Exception {
    Map<String, String> params = new HashMap<>(FilterRevocationTest.containerParams());
    params.put("gatehouse.store", SwitchableStoreFactory.NAME);
    GatehouseFilter filter = new GatehouseFilter();
    filter.init(FilterConfigs.of(params, FilterConfigs.context(new HashMap<>())));
    SwitchableStore made = SwitchableStoreFactory.last();

    revocationsOf(filter).revokeToken(provider.issuer(), "t-7", Instant.now().plusSeconds(60));
    filter.destroy();
    filter.destroy();

    assertTrue(
        !made.revocations()
            .find(List.of(new Revocation.Key(Revocation.Target.TOKEN_ID, provider.issuer(), "t-7")))
            .isEmpty(),
        "written to the factory's store");
    assertEquals(1, made.closed());
  }

  @Test
  void whenThePolicySettingIsUnknownThenInitFailsNamingIt() {
    Map<String, String> params = new HashMap<>(FilterRevocationTest.containerParams());
    params.put("gatehouse.store.unavailable", "fail-open");
    GatehouseFilter filter = new GatehouseFilter();

    ServletException e =
        assertThrows(
            ServletException.class,
            () -> filter.init(FilterConfigs.of(params, FilterConfigs.context(new HashMap<>()))));

    assertTrue(e.getMessage().contains("gatehouse.store.unavailable"), e.getMessage());
  }
}
