package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cache key is SHA-256 of the whole token, whatever its length. */
class TokenDigestTest {

  private static TokenDigest sha256(String token) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer b = ByteBuffer.wrap(hash);
    return new TokenDigest(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24));
  }

  @Test
  void whenTokensOfAnyLengthAreDigestedThenTheDigestIsTheirSha256() throws Exception {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    Random random = new Random(3);
    for (int length : new int[] {1, 63, 64, 709, 1023, 1024, 1025, 2048, 3000, 8192}) {
      StringBuilder token = new StringBuilder();
      for (int i = 0; i < length; i++) {
        token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(sha256(token.toString()), TokenDigest.of(token.toString()), "length " + length);
    }
  }

  @Test
  void whenTwoTokensDifferInTheLastCharacterThenTheirDigestsDiffer() {
    String token = "a".repeat(1500);
    assertNotEquals(TokenDigest.of(token + "A"), TokenDigest.of(token + "B"));
  }
}
