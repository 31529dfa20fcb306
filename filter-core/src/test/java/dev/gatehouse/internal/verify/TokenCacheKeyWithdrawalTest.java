package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.RemoteKeySource;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.verify.TokenCachePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key the provider withdraws stops its tokens at the first request after the refresh that removed
 * it, cached or not: with a real {@link RemoteKeySource} fetching over HTTP from a local provider,
 * for tokens that name their key and tokens that do not.
 */
class TokenCacheKeyWithdrawalTest {

  private static final Instant NOW = Instant.now();

  private final HookedClock clock = new HookedClock(NOW);

  @RegisterExtension
  final LocalJwksServer provider = LocalJwksServer.extension().keys(TestKeys.RSA, TestKeys.EC);

  private final TestTokens tokens = new TestTokens(provider.issuer());
  private KeySource keys;
  private CachingAccessTokenVerifier verifier;

  @BeforeEach
  void start() {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(TestTokens.AUDIENCE)
            .jwksUri(provider.jwksUri())
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .build();
    // The key source reads its cooldowns from a clock of its own, so that the armed reading below
    // is the verifier's, after the signature check.
    keys =
        RemoteKeySource.create(
            Steps.provider(
                GatehouseConfig.forIssuer(provider.issuer())
                    .audiences(TestTokens.AUDIENCE)
                    .jwksUri(provider.jwksUri())
                    .allowInsecureLoopbackHttp()
                    .build()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    verifier =
        new CachingAccessTokenVerifier(
            Steps.verifier(config, keys),
            clock,
            config.clockSkew(),
            100,
            TokenCachePolicy.DEFAULTS.maxBytes());
  }

  private String token(boolean namesItsKey) {
    TestTokens.Builder token = tokens.validAt(NOW);
    return namesItsKey ? token.build() : token.withoutHeader("kid").build();
  }

  /** The provider publishes {@code published} and the key source fetches them now. */
  private void providerNowPublishes(JsonWebKey... published) {
    provider.keys(published);
    assertTrue(keys.refreshUnknownKey(keys.keys()), "the refresh happened");
  }

  /**
   * Refused as without a cache: a token naming the withdrawn kid has no key; a kid-less one is
   * checked against the RSA key still published, RSA_NEXT, and its signature does not verify.
   */
  private void assertRefusedAsUncached(String token, boolean namesItsKey) {
    BearerTokenException refusal =
        assertThrows(BearerTokenException.class, () -> verifier.verify(token));
    assertEquals(
        namesItsKey ? Rejection.UNKNOWN_KEY : Rejection.INVALID_SIGNATURE, refusal.rejection());
  }

  @ParameterizedTest(name = "names its key: {0}")
  @ValueSource(booleans = {true, false})
  void whenTheKeyIsWithdrawnWhileItsTokenIsBeingVerifiedThenTheNextRequestIsRefused(
      boolean namesItsKey) {
    String token = token(namesItsKey);
    // The refresh lands after the signature was checked and before the result is remembered.
    clock.onNextReading(() -> providerNowPublishes(TestKeys.RSA_NEXT, TestKeys.EC));

    verifier.verify(token); // verified with the key the set held when it was checked

    assertRefusedAsUncached(token, namesItsKey);
  }

  @ParameterizedTest(name = "{0}, names its key: {1}")
  @CsvSource({
    "use=enc, true", "use=enc, false",
    "key_ops=encrypt, true", "key_ops=encrypt, false",
    "alg=RSA-OAEP, true", "alg=RSA-OAEP, false",
    "alg=RS384, true", "alg=RS384, false"
  })
  void whenTheKeyIsRepublishedForAnotherPurposeThenItsCachedTokensAreRefusedAfterTheRefresh(
      String republishedWith, boolean namesItsKey) throws JoseException {
    String token = token(namesItsKey);
    verifier.verify(token);
    verifier.verify(token); // now a cache hit

    providerNowPublishes(republished(republishedWith), TestKeys.RSA_NEXT, TestKeys.EC);

    assertRefusedAsUncached(token, namesItsKey);
  }

  @ParameterizedTest(name = "names its key: {0}")
  @ValueSource(booleans = {true, false})
  void whenTheKeyIsRepublishedUnchangedThenItsCachedTokensStillPass(boolean namesItsKey)
      throws JoseException {
    String token = token(namesItsKey);
    var first = verifier.verify(token);

    providerNowPublishes(republished("use=sig"), TestKeys.RSA_NEXT, TestKeys.EC);

    assertEquals(first, verifier.verify(token));
    assertEquals(1, verifier.size());
  }

  /** The public half of {@link TestKeys#RSA} under its kid, with one member set as given. */
  private static JsonWebKey republished(String member) throws JoseException {
    PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublicKey());
    key.setKeyId(TestKeys.RSA.getKeyId());
    String value = member.substring(member.indexOf('=') + 1);
    switch (member.substring(0, member.indexOf('='))) {
      case "use" -> key.setUse(value);
      case "key_ops" -> key.setKeyOps(List.of(value));
      case "alg" -> key.setAlgorithm(value);
      default -> throw new IllegalArgumentException(member);
    }
    return key;
  }

  /** A fixed clock that runs one armed action when it is next read. */
  private static final class HookedClock extends Clock {
    private final Instant now;
    private volatile Runnable armed;

    HookedClock(Instant now) {
      this.now = now;
    }

    void onNextReading(Runnable action) {
      armed = action;
    }

    @Override
    public Instant instant() {
      Runnable action = armed;
      if (action != null) {
        armed = null;
        action.run();
      }
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
