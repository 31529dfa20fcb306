package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.store.InMemoryIntrospectionStore;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.internal.verify.CachingAccessTokenVerifier;
import dev.gatehouse.internal.verify.IssuerRoutingVerifier;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.verify.TokenCachePolicy;
import org.junit.jupiter.api.Test;

/** How step 3 is put together: one cache, outermost, for all trusted issuers. */
class VerifiersTest {

  private static final String FIRST = "https://first.issuer.test/";
  private static final String SECOND = "https://second.issuer.test/";

  private static GatehouseConfigBuilder twoIssuers() {
    return GatehouseConfig.forIssuers(
            TrustedIssuer.forIssuer(FIRST).publicKey(TestKeys.pem(TestKeys.RSA)).build(),
            TrustedIssuer.forIssuer(SECOND).publicKey(TestKeys.pem(TestKeys.RSA_NEXT)).build())
        .audiences(AUDIENCE);
  }

  @Test
  void whenSeveralIssuersAreTrustedThenOneTokenCacheSitsInFrontOfTheRouting() {
    GatehouseConfig config = twoIssuers().build();
    AccessTokenVerifier verifier =
        Verifiers.of(
            config,
            Verifiers.providers(config, MetricsRecorder.NONE),
            MetricsRecorder.NONE,
            new InMemoryIntrospectionStore(config.clock(), 10));

    CachingAccessTokenVerifier cache = assertInstanceOf(CachingAccessTokenVerifier.class, verifier);
    cache.verify(new TestTokens(FIRST).valid().build());
    cache.verify(new TestTokens(SECOND).valid().signedWith(TestKeys.RSA_NEXT).build());
    assertEquals(2, cache.size(), "tokens of both issuers share the one cache");
  }

  @Test
  void whenTheTokenCacheIsOffThenTheRouterIsOutermost() {
    GatehouseConfig config =
        twoIssuers().tokenCache(0, TokenCachePolicy.DEFAULTS.maxBytes()).build();
    AccessTokenVerifier verifier =
        Verifiers.of(
            config,
            Verifiers.providers(config, MetricsRecorder.NONE),
            MetricsRecorder.NONE,
            new InMemoryIntrospectionStore(config.clock(), 10));

    assertInstanceOf(IssuerRoutingVerifier.class, verifier);
  }
}
