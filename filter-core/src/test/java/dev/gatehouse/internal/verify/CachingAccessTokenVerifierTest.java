package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.verify.TokenCachePolicy;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The verified-token cache: what a hit still checks, and what it never keeps. */
class CachingAccessTokenVerifierTest {

  private static final String ISSUER = "https://tenant.example/";
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final SwappableKeys keys = new SwappableKeys(List.of(TestKeys.RSA));
  private final TestTokens tokens = new TestTokens(ISSUER);

  private CachingAccessTokenVerifier cache(int maxEntries) {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(ISSUER)
            .audiences(TestTokens.AUDIENCE)
            .publicKey(TestKeys.pem(TestKeys.RSA))
            .clock(clock)
            .build();
    return new CachingAccessTokenVerifier(
        Steps.verifier(config, keys),
        clock,
        config.clockSkew(),
        maxEntries,
        TokenCachePolicy.DEFAULTS.maxBytes());
  }

  @Nested
  class Hits {

    @Test
    void whenTheSameTokenComesAgainThenTheRememberedResultIsReturned() {
      CachingAccessTokenVerifier verifier = cache(100);
      String token = tokens.validAt(NOW).build();

      AccessToken first = verifier.verify(token);
      AccessToken second = verifier.verify(token);

      assertSame(first, second, "a hit returns the token verified the first time");
      assertEquals(1, verifier.size());
    }

    @Test
    void whenTheTokenHasExpiredSinceThenTheHitIsDroppedAndTheTokenRefusedAsExpired() {
      CachingAccessTokenVerifier verifier = cache(100);
      String token = tokens.validAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
      verifier.verify(token);

      clock.set(NOW.plusSeconds(60 + 30)); // exp + the 30 s skew

      BearerTokenException refusal =
          assertThrows(BearerTokenException.class, () -> verifier.verify(token));
      assertEquals(Rejection.EXPIRED, refusal.rejection());
      assertEquals(0, verifier.size());
    }

    @Test
    void whenTheTokenIsWithinTheSkewAfterExpiryThenItIsStillAcceptedLikeUncached() {
      CachingAccessTokenVerifier verifier = cache(100);
      String token = tokens.validAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
      verifier.verify(token);

      clock.set(NOW.plusSeconds(60 + 29));

      assertEquals(NOW.plusSeconds(60), verifier.verify(token).expiresAt());
    }

    @Test
    void whenTheSigningKeyLeavesTheKeySetThenTheRememberedTokenIsRefused() {
      CachingAccessTokenVerifier verifier = cache(100);
      String token = tokens.validAt(NOW).build();
      verifier.verify(token);

      keys.set(List.of(TestKeys.RSA_NEXT));

      BearerTokenException refusal =
          assertThrows(BearerTokenException.class, () -> verifier.verify(token));
      assertEquals(Rejection.UNKNOWN_KEY, refusal.rejection());
    }

    @Test
    void whenTheKeySetIsRefetchedWithTheSameKeyThenTheHitStillCounts() {
      CachingAccessTokenVerifier verifier = cache(100);
      String token = tokens.validAt(NOW).build();
      AccessToken first = verifier.verify(token);

      keys.set(List.of(TestKeys.RSA_NEXT, copyOf(TestKeys.RSA)));

      assertSame(first, verifier.verify(token));
    }
  }

  @Nested
  class Bounds {

    @Test
    void whenMoreDistinctTokensArriveThanTheLimitThenTheCacheStaysWithinIt() {
      CachingAccessTokenVerifier verifier = cache(5);

      for (int i = 0; i < 50; i++) {
        verifier.verify(tokens.validAt(NOW).claim("jti", "token-" + i).build());
      }

      assertTrue(verifier.size() <= 5, () -> "size " + verifier.size());
    }

    @Test
    void whenATokenIsRefusedThenNothingIsRemembered() {
      CachingAccessTokenVerifier verifier = cache(100);
      String foreign = tokens.validAt(NOW).signedWith(TestKeys.ATTACKER).build();

      assertThrows(BearerTokenException.class, () -> verifier.verify(foreign));
      assertThrows(BearerTokenException.class, () -> verifier.verify(foreign));

      assertEquals(0, verifier.size());
    }

    @Test
    void whenTwoTokensDifferInOneCharacterThenTheirDigestsDiffer() {
      String token = tokens.validAt(NOW).build();
      String other = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

      assertEquals(TokenDigest.of(token), TokenDigest.of(new String(token.toCharArray())));
      assertNotEquals(TokenDigest.of(token), TokenDigest.of(other));
    }
  }

  private static JsonWebKey copyOf(JsonWebKey key) {
    try {
      return JsonWebKey.Factory.newJwk(key.toJson());
    } catch (org.jose4j.lang.JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key set a test can swap, as a JWKS refresh would. */
  private static final class SwappableKeys implements KeySource {
    private volatile List<JsonWebKey> keys;

    SwappableKeys(List<? extends JsonWebKey> keys) {
      set(keys);
    }

    void set(List<? extends JsonWebKey> keys) {
      this.keys = List.copyOf(keys);
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
}
