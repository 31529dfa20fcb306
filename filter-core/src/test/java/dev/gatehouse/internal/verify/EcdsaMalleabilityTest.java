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
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

/**
 * ECDSA signatures come in pairs: if (r, s) verifies, so does (r, n - s). Gatehouse accepts both
 * spellings (Java issuers sign with either half, see below) but remembers them as one token.
 */
class EcdsaMalleabilityTest {

  private static final String ISSUER = "https://tenant.example/";
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final BigInteger P256_ORDER = EllipticCurves.P256.getOrder();

  private final MutableClock clock = new MutableClock(NOW);
  private final TestTokens tokens = new TestTokens(ISSUER);

  private CachingAccessTokenVerifier cache(List<JsonWebKey> trusted) {
    KeySource keys =
        new KeySource() {
          @Override
          public List<JsonWebKey> keys() {
            return trusted;
          }

          @Override
          public boolean refreshUnknownKey(List<JsonWebKey> seen) {
            return false;
          }
        };
    GatehouseConfig config =
        GatehouseConfig.forIssuer(ISSUER)
            .audiences(TestTokens.AUDIENCE)
            .publicKey(TestKeys.pem(TestKeys.RSA))
            .algorithms("RS256", "ES256", "EdDSA")
            .clock(clock)
            .build();
    return new CachingAccessTokenVerifier(
        Steps.verifier(config, keys),
        clock,
        config.clockSkew(),
        100,
        TokenCachePolicy.DEFAULTS.maxBytes());
  }

  /** The same token with its 64-byte signature's second half replaced by (order - s). */
  private static String otherHalf(String token) {
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    assertEquals(64, signature.length);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    byte[] flipped = P256_ORDER.subtract(s).toByteArray();
    byte[] out = Arrays.copyOf(signature, 64);
    Arrays.fill(out, 32, 64, (byte) 0);
    int length = Math.min(flipped.length, 32);
    System.arraycopy(flipped, flipped.length - length, out, 64 - length, length);
    return token.substring(0, dot + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private static boolean highS(String token) {
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    return s.compareTo(P256_ORDER.shiftRight(1)) > 0;
  }

  @Test
  void whenAnEs256TokenIsRespelledWithTheOtherSThenBothSpellingsShareOneCacheEntry() {
    CachingAccessTokenVerifier verifier = cache(List.of(TestKeys.EC));
    String token = tokens.validAt(NOW).signedWith(TestKeys.EC).build();
    String twin = otherHalf(token);
    assertNotEquals(token, twin);

    AccessToken first = verifier.verify(token);
    AccessToken second = verifier.verify(twin);
    AccessToken third = verifier.verify(twin);

    assertSame(first, second, "the other spelling is the same verified token");
    assertSame(first, third);
    assertEquals(1, verifier.size(), "one entry for both spellings");
  }

  @Test
  void whenTheHighSSpellingComesFirstThenTheLowSSpellingFindsItsEntry() {
    CachingAccessTokenVerifier verifier = cache(List.of(TestKeys.EC));
    String token = tokens.validAt(NOW).signedWith(TestKeys.EC).build();
    String high = highS(token) ? token : otherHalf(token);
    String low = highS(token) ? otherHalf(token) : token;

    AccessToken first = verifier.verify(high);

    assertSame(first, verifier.verify(low));
    assertSame(first, verifier.verify(high));
    assertEquals(1, verifier.size());
  }

  @Test
  void whenAnEdDsaSignatureIsFlippedLikeAnEcdsaOneThenItIsNeverServedFromTheCache() {
    CachingAccessTokenVerifier verifier = cache(List.of(TestKeys.ED25519));
    String token = tokens.validAt(NOW).signedWith(TestKeys.ED25519).build();
    verifier.verify(token);

    BearerTokenException refusal =
        assertThrows(BearerTokenException.class, () -> verifier.verify(otherHalf(token)));

    assertEquals(Rejection.INVALID_SIGNATURE, refusal.rejection());
  }

  @Test
  void whenTheHighSTwinIsSpelledNonCanonicallyThenItIsRefusedAsWithoutTheCache() {
    CachingAccessTokenVerifier verifier = cache(List.of(TestKeys.EC));
    String token = tokens.validAt(NOW).signedWith(TestKeys.EC).build();
    String high = highS(token) ? token : otherHalf(token);
    verifier.verify(highS(token) ? otherHalf(token) : token); // the low-S entry exists
    // 64 bytes in 86 characters leave 4 unused bits in the last one; set one of them.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = high.charAt(high.length() - 1);
    String spare =
        high.substring(0, high.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);

    BearerTokenException refusal =
        assertThrows(BearerTokenException.class, () -> verifier.verify(spare));

    assertEquals(Rejection.MALFORMED_TOKEN, refusal.rejection());
  }

  /**
   * Why Gatehouse does not refuse high-S signatures: the JDK's ECDSA (SunEC), which Java issuers
   * such as Keycloak sign with, returns s from either half. Out of 64 signatures, both halves occur
   * unless a 1 in 2^63 chance strikes.
   */
  @Test
  void whenJavaSignsEs256ThenItsSignaturesUseBothHalvesOfS() {
    boolean sawHigh = false;
    boolean sawLow = false;
    for (int i = 0; i < 64; i++) {
      boolean high =
          highS(tokens.validAt(NOW).signedWith(TestKeys.EC).claim("jti", "t" + i).build());
      sawHigh |= high;
      sawLow |= !high;
    }
    assertTrue(sawHigh && sawLow, "high-S seen: " + sawHigh + ", low-S seen: " + sawLow);
  }
}
