package dev.gatehouse.internal.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a token, as four longs: a cache key that does not keep the token itself. */
public record TokenDigest(long a, long b, long c, long d) {

  private static final int CHUNK = 1024;
  private static final int DIGEST = 32;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // Per-thread values of JDK types only: a container thread that outlives a redeployed web
  // application must not hold one of the application's classes (and so its class loader).
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(TokenDigest::sha256);
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[CHUNK + DIGEST]);

  /**
   * Tokens are ASCII after the syntax check ({@code TokenSyntax}, before any verifier or cache sees
   * them), so each char is one byte: the low byte of each char is hashed, copied a chunk at a time
   * into a reused buffer. {@link String#getBytes(int, int, byte[], int)} does exactly that copy, in
   * bulk; a loop over {@code charAt} cost three times the hash. Were a string with chars above
   * U+00FF ever passed, it could share a digest with the ASCII token of the same low bytes; that
   * cannot serve a forged token, as whoever builds it already holds the genuine one, whose own
   * cache entry (and checks on every hit) it would reach.
   */
  @SuppressWarnings("deprecation") // the one bulk copy of chars' low bytes into a given array
  public static TokenDigest of(String token) {
    MessageDigest sha = SHA256.get();
    byte[] buffer = BUFFER.get();
    int n = token.length();
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      token.getBytes(from, to, buffer, 0);
      sha.update(buffer, 0, to - from);
    }
    try {
      sha.digest(buffer, CHUNK, DIGEST);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return new TokenDigest(
        (long) LONGS.get(buffer, CHUNK),
        (long) LONGS.get(buffer, CHUNK + 8),
        (long) LONGS.get(buffer, CHUNK + 16),
        (long) LONGS.get(buffer, CHUNK + 24));
  }

  // Written out: the generated record methods go through an indy bootstrap, and these run on every
  // cache lookup. The words are already uniformly distributed, so one of them is a good hash.
  @Override
  public boolean equals(Object o) {
    return o instanceof TokenDigest other
        && a == other.a
        && b == other.b
        && c == other.c
        && d == other.d;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
