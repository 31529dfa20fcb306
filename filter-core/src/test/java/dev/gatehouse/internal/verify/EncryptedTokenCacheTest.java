package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.decrypt.JweDecrypter;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.RemoteKeySource;
import dev.gatehouse.testing.EncryptedTokens;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.verify.Decryption;
import dev.gatehouse.verify.TokenCachePolicy;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verified-token cache in front of decryption: it remembers an encrypted token as it was sent,
 * so a hit decrypts nothing, and the entry still ends at the inner token's {@code exp} and at the
 * first request after its signing key is withdrawn.
 */
class EncryptedTokenCacheTest {

  private static final Instant NOW = Instant.now();
  private static KeyPair encryption;

  @RegisterExtension
  final LocalJwksServer provider = LocalJwksServer.extension().keys(TestKeys.RSA, TestKeys.EC);

  private final TestTokens tokens = new TestTokens(provider.issuer());
  private final MutableClock clock = new MutableClock(NOW);
  private KeySource keys;
  private CachingAccessTokenVerifier verifier;

  @BeforeAll
  static void encryptionKey() throws Exception {
    encryption = EncryptedTokens.rsa(2048);
  }

  @BeforeEach
  void start() {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(TestTokens.AUDIENCE)
            .jwksUri(provider.jwksUri())
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .build();
    keys = RemoteKeySource.create(Steps.provider(config), Clock.fixed(NOW, ZoneOffset.UTC));
    JweDecrypter decrypter =
        new JweDecrypter(Decryption.builder().key("enc", encryption.getPrivate()).build());
    verifier =
        new CachingAccessTokenVerifier(
            new DecryptingVerifier(decrypter, Steps.verifier(config, keys)),
            clock,
            config.clockSkew(),
            100,
            TokenCachePolicy.DEFAULTS.maxBytes());
  }

  private String encrypted(String jws) {
    return EncryptedTokens.rsaOaep256().kid("enc").encrypt(jws, encryption.getPublic());
  }

  @Test
  void whenTheSameEncryptedTokenComesAgainThenTheRememberedTokenIsAnswered() {
    String jwe = encrypted(tokens.validAt(NOW).build());

    AccessToken first = verifier.verify(jwe);

    assertSame(first, verifier.verify(jwe));
    assertEquals(1, verifier.size());
  }

  @Test
  void whenTheSameSignedTokenIsEncryptedTwiceThenEachSpellingHasItsOwnEntry() {
    String jws = tokens.validAt(NOW).build();

    verifier.verify(encrypted(jws));
    verifier.verify(encrypted(jws)); // a fresh content key and IV: another string

    assertEquals(2, verifier.size());
  }

  @Test
  void whenTheInnerTokenExpiresThenTheRememberedEntryIsRefused() {
    String jwe = encrypted(tokens.validAt(NOW).build());
    verifier.verify(jwe);

    clock.advance(Duration.ofMinutes(10));

    BearerTokenException refusal =
        assertThrows(BearerTokenException.class, () -> verifier.verify(jwe));
    assertEquals(Rejection.EXPIRED, refusal.rejection());
  }

  @Test
  void whenTheInnerTokensSigningKeyIsWithdrawnThenTheRememberedEntryIsRefused() {
    String jwe = encrypted(tokens.validAt(NOW).build());
    verifier.verify(jwe);
    verifier.verify(jwe); // now a cache hit

    provider.keys(TestKeys.RSA_NEXT, TestKeys.EC);
    assertTrue(keys.refreshUnknownKey(keys.keys()), "the refresh happened");

    BearerTokenException refusal =
        assertThrows(BearerTokenException.class, () -> verifier.verify(jwe));
    assertEquals(Rejection.UNKNOWN_KEY, refusal.rejection());
  }
}
