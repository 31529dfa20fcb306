package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.verify.TokenCachePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * One verified-token cache in front of the routing by issuer: a hit reaches neither the router nor
 * any issuer's verifier, and each entry stays tied to the keys of the issuer that verified it.
 */
class CacheInFrontOfIssuersTest {

  private static final String FIRST = "https://first.issuer.test/";
  private static final String SECOND = "https://second.issuer.test/";
  private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A key set the test replaces, as a JWKS refresh would. */
  private static final class SwappableKeys implements KeySource {
    volatile List<JsonWebKey> keys;

    SwappableKeys(JsonWebKey... keys) {
      this.keys = List.of(keys);
    }

    @Override
    public List<JsonWebKey> keys() {
      return keys;
    }

    @Override
    public boolean refreshUnknownKey(List<JsonWebKey> seen) {
      return false;
    }
  }

  /** Counts the JWS that reach the verifier below the cache. */
  private static final class Counting implements JwsVerifier {
    final AtomicInteger calls = new AtomicInteger();
    final JwsVerifier below;

    Counting(JwsVerifier below) {
      this.below = below;
    }

    @Override
    public Verified verify(CompactJws jws) {
      calls.incrementAndGet();
      return below.verify(jws);
    }
  }

  private static JsonWebKey publicOnly(PublicJsonWebKey key) throws JoseException {
    PublicJsonWebKey copy = PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey());
    copy.setKeyId(key.getKeyId());
    return copy;
  }

  private static JwtAccessTokenVerifier issuer(String issuer, KeySource keys) {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(issuer)
            .audiences(TestTokens.AUDIENCE)
            .publicKey(TestKeys.pem(TestKeys.RSA))
            .clock(CLOCK)
            .build();
    return Steps.verifier(config, keys);
  }

  private final SwappableKeys firstKeys;
  private final SwappableKeys secondKeys;
  private final Counting router;
  private final CachingAccessTokenVerifier cache;

  CacheInFrontOfIssuersTest() throws JoseException {
    firstKeys = new SwappableKeys(publicOnly(TestKeys.RSA));
    secondKeys = new SwappableKeys(publicOnly(TestKeys.RSA_NEXT));
    router =
        new Counting(
            new IssuerRoutingVerifier(
                Map.of(FIRST, issuer(FIRST, firstKeys), SECOND, issuer(SECOND, secondKeys))));
    cache =
        new CachingAccessTokenVerifier(
            router,
            CLOCK,
            java.time.Duration.ofSeconds(60),
            100,
            TokenCachePolicy.DEFAULTS.maxBytes());
  }

  @Test
  void whenATokenOfEitherIssuerComesAgainThenItIsServedWithoutRoutingOrParsing() {
    String first = new TestTokens(FIRST).validAt(NOW).build();
    String second = new TestTokens(SECOND).validAt(NOW).signedWith(TestKeys.RSA_NEXT).build();

    assertEquals(FIRST, cache.verify(first).issuer());
    assertEquals(SECOND, cache.verify(second).issuer());
    assertEquals(2, router.calls.get());

    assertEquals(FIRST, cache.verify(first).issuer());
    assertEquals(SECOND, cache.verify(second).issuer());
    assertEquals(2, router.calls.get(), "both were cache hits");
    assertEquals(2, cache.size());
  }

  @Test
  void whenOneIssuerWithdrawsItsKeyThenOnlyThatIssuersCachedTokensStop() throws JoseException {
    String first = new TestTokens(FIRST).validAt(NOW).build();
    String second = new TestTokens(SECOND).validAt(NOW).signedWith(TestKeys.RSA_NEXT).build();
    cache.verify(first);
    cache.verify(second);

    secondKeys.keys = List.of(publicOnly(TestKeys.EC)); // the second issuer rotated RSA_NEXT out

    assertEquals(FIRST, cache.verify(first).issuer());
    assertEquals(2, router.calls.get(), "the first issuer's token is still a hit");
    BearerTokenException refused =
        assertThrows(BearerTokenException.class, () -> cache.verify(second));
    assertEquals(Rejection.UNKNOWN_KEY, refused.rejection());
  }

  @Test
  void whenATokenNamesAnIssuerThatIsNotTrustedThenTheCacheKeepsNothing() {
    String other = new TestTokens("https://other.issuer.test/").validAt(NOW).build();

    for (int i = 0; i < 2; i++) {
      BearerTokenException refused =
          assertThrows(BearerTokenException.class, () -> cache.verify(other));
      assertEquals(Rejection.WRONG_ISSUER, refused.rejection());
    }
    assertEquals(2, router.calls.get());
    assertEquals(0, cache.size());
  }
}
