package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.internal.store.InMemorySharedStore;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.SwitchableStore;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revocation through the application's {@link Revocations}: by token id, subject or session, asked
 * after the verified-token cache on every request.
 */
class FilterRevocationTest {

  static final String REVOKED = invalidToken(Refusals.REVOKED);

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  private static Revocations revocationsOf(GatehouseFilter filter) {
    return Objects.requireNonNull(filter.revocations());
  }

  @Test
  void whenATokenIsRevokedAfterItWasAcceptedThenTheCachedTokenIsRefused() {
    GatehouseFilter filter = new GatehouseFilter(config().build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      String revoked = tokens.valid().claim("jti", "t-1").build();
      String other = tokens.valid().claim("jti", "t-2").build();
      assertEquals(200, api.get(revoked).status(), "verified and cached before the revocation");

      revocationsOf(filter).revokeToken(provider.issuer(), "t-1", Instant.now().plusSeconds(330));

      Reply reply = api.get(revoked);
      assertEquals(401, reply.status());
      assertEquals(REVOKED, reply.challenge());
      assertEquals(200, api.get(other).status());
      assertEquals(200, api.get(tokens.valid().without("jti").build()).status());
    }
  }

  @Test
  void whenTheApplicationRevokesTheTokenItWasGivenThenThatTokenIsRefused() {
    GatehouseFilter filter = new GatehouseFilter(config().build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      String token = tokens.valid().claim("jti", "t-3").build();
      AccessToken seen =
          AccessToken.builder()
              .issuer(provider.issuer())
              .tokenId("t-3")
              .expiresAt(Instant.now().plusSeconds(300))
              .build();

      assertTrue(revocationsOf(filter).revokeToken(seen));
      assertFalse(
          revocationsOf(filter)
              .revokeToken(
                  AccessToken.builder()
                      .issuer(provider.issuer())
                      .expiresAt(Instant.now().plusSeconds(300))
                      .build()),
          "a token without jti cannot be named");
      assertEquals(REVOKED, api.get(token).challenge());
    }
  }

  @Test
  void whenASubjectIsRevokedThenItsEarlierTokensAreRefusedAndLaterOnesPass() {
    GatehouseFilter filter = new GatehouseFilter(config().build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      Instant event = Instant.now();
      String before = tokens.valid().claim("sub", "alice").issuedAt(event.minusSeconds(60)).build();
      String after = tokens.valid().claim("sub", "alice").issuedAt(event.plusSeconds(1)).build();
      String someoneElse =
          tokens.valid().claim("sub", "bob").issuedAt(event.minusSeconds(60)).build();

      revocationsOf(filter).revokeSubject(provider.issuer(), "alice", event);

      assertEquals(REVOKED, api.get(before).challenge());
      assertEquals(200, api.get(after).status(), "issued after the event");
      assertEquals(200, api.get(someoneElse).status());
    }
  }

  @Test
  void whenASessionIsRevokedThenTheTokensOfThatSessionAreRefused() {
    GatehouseFilter filter = new GatehouseFilter(config().build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      Instant logout = Instant.now();
      String inSession =
          tokens.valid().claim("sid", "s-77").issuedAt(logout.minusSeconds(5)).build();
      String otherSession =
          tokens.valid().claim("sid", "s-78").issuedAt(logout.minusSeconds(5)).build();

      revocationsOf(filter).revokeSession(provider.issuer(), "s-77", logout);

      assertEquals(REVOKED, api.get(inSession).challenge());
      assertEquals(200, api.get(otherSession).status());
    }
  }

  @Test
  void whenAnotherIssuerRevokesTheSameTokenIdThenThisIssuersTokenStillPasses() {
    GatehouseFilter filter = new GatehouseFilter(config().build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      revocationsOf(filter)
          .revokeToken("https://other.issuer.test/", "t-4", Instant.now().plusSeconds(300));

      assertEquals(200, api.get(tokens.valid().claim("jti", "t-4").build()).status());
    }
  }

  @Test
  void whenTheApplicationBuiltTheStoreThenAnEntryWrittenThereIsRefusedAndTheStoreStaysOpen() {
    SwitchableStore cluster = new SwitchableStore(Clock.systemUTC());
    GatehouseFilter filter = new GatehouseFilter(config().store(cluster).build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      cluster
          .revocations()
          .revoke(Revocation.ofTokenId(provider.issuer(), "t-9", Instant.now().plusSeconds(300)));

      assertEquals(REVOKED, api.get(tokens.valid().claim("jti", "t-9").build()).challenge());
    }
    filter.destroy();
    assertEquals(0, cluster.closed(), "the application closes its own store");
  }

  @Test
  void whenTheStoreIsSureItHoldsNoRevocationThenNoTokenIsLookedUp() {
    FindCountingStore cluster = new FindCountingStore();
    GatehouseFilter filter = new GatehouseFilter(config().store(cluster).build());
    try (ProtectedApi api = ProtectedApi.startWith(filter)) {
      String token = tokens.valid().claim("jti", "t-11").build();

      assertEquals(200, api.get(token).status());
      assertEquals(0, cluster.finds.get(), "an empty store is not asked");

      revocationsOf(filter).revokeToken(provider.issuer(), "t-12", Instant.now().plusSeconds(300));

      assertEquals(200, api.get(token).status());
      assertEquals(1, cluster.finds.get(), "a store holding any revocation is asked every time");
      assertEquals(REVOKED, api.get(tokens.valid().claim("jti", "t-12").build()).challenge());
    }
  }

  @Test
  void whenTwoFiltersShareAStoreThenARevocationThroughOneIsRefusedByTheOther() {
    SwitchableStore cluster = new SwitchableStore(Clock.systemUTC());
    GatehouseFilter node1 = new GatehouseFilter(config().store(cluster).build());
    GatehouseFilter node2 = new GatehouseFilter(config().store(cluster).build());
    try (ProtectedApi api1 = ProtectedApi.startWith(node1);
        ProtectedApi api2 = ProtectedApi.startWith(node2)) {
      String token = tokens.valid().claim("jti", "t-5").build();
      assertEquals(200, api2.get(token).status());

      revocationsOf(node1).revokeToken(provider.issuer(), "t-5", Instant.now().plusSeconds(330));

      assertEquals(REVOKED, api2.get(token).challenge());
      assertEquals(REVOKED, api1.get(token).challenge());
    }
  }

  @Test
  void whenTheFilterIsConfiguredByTheContainerThenItPublishesItsRevocationsAndStore()
      throws Exception {
    Map<String, Object> attributes = new HashMap<>();
    GatehouseFilter filter = new GatehouseFilter();

    filter.init(FilterConfigs.of(containerParams(), FilterConfigs.context(attributes)));

    assertSame(
        filter.revocations(), Revocations.from(FilterConfigs.context(attributes)).orElseThrow());
    assertTrue(attributes.get(SharedStore.ATTRIBUTE) instanceof SharedStore);
    filter.destroy();
  }

  @Test
  void whenNothingWasPublishedThenTheLookupIsEmpty() {
    assertTrue(Revocations.from(FilterConfigs.context(new HashMap<>())).isEmpty());
  }

  static Map<String, String> containerParams() {
    Map<String, String> params = new HashMap<>();
    params.put("gatehouse.issuer", provider.issuer());
    params.put("gatehouse.audiences", AUDIENCE);
    params.put("gatehouse.allow-insecure-loopback-http", "true");
    return params;
  }

  /** An in-process store that counts revocation lookups and says when it holds none. */
  private static final class FindCountingStore implements SharedStore {
    final AtomicInteger finds = new AtomicInteger();
    private final SharedStore held =
        new InMemorySharedStore(Clock.systemUTC(), Duration.ofMinutes(5), 100);

    @Override
    public RevocationStore revocations() {
      RevocationStore revocations = held.revocations();
      return new RevocationStore() {
        @Override
        public void revoke(Revocation revocation) {
          revocations.revoke(revocation);
        }

        @Override
        public List<Revocation> find(Collection<Revocation.Key> keys) {
          finds.incrementAndGet();
          return revocations.find(keys);
        }

        @Override
        public boolean mayHoldAny() {
          return revocations.mayHoldAny();
        }
      };
    }

    @Override
    public ReplayStore replays() {
      return held.replays();
    }

    @Override
    public NonceSecrets nonceSecrets() {
      return held.nonceSecrets();
    }

    @Override
    public IntrospectionStore introspections() {
      return held.introspections();
    }
  }
}
