package dev.gatehouse.verify;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a token, as four longs: a cache key that does not keep the token itself. */
public record TokenDigest(long a, long b, long c, long d) {

  private static final int CHUNK = 1024;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Tokens are ASCII after the syntax check ({@code TokenSyntax}, before any verifier or cache sees
   * them), so each char is one byte: the low byte of each char is hashed, copied a chunk at a time into a reused buffer. {@link String#getBytes(int, int, byte[],
   * int)} does exactly that copy, in bulk; a loop over {@code charAt} cost three times the hash.
   * Were a string with chars above U+00FF ever passed, it could share a digest with the ASCII token
   * of the same low bytes; that cannot serve a forged token, as whoever builds it already holds the
   * genuine one, whose own cache entry (and checks on every hit) it would reach.
   */
  @SuppressWarnings("deprecation") // the one bulk copy of chars' low bytes into a given array
  public static TokenDigest of(String token) {
    Scratch s = SCRATCH.get();
    MessageDigest sha = s.sha;
    int n = token.length();
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      token.getBytes(from, to, s.bytes, 0);
      sha.update(s.bytes, 0, to - from);
    }
    try {
      sha.digest(s.out, 0, 32);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer out = s.view;
    return new TokenDigest(out.getLong(0), out.getLong(8), out.getLong(16), out.getLong(24));
  }

  private static final class Scratch {
    final MessageDigest sha;
    final byte[] bytes = new byte[CHUNK];
    final byte[] out = new byte[32];
    final ByteBuffer view = ByteBuffer.wrap(out);

    Scratch() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every Java platform", e);
      }
    }
  }
}
