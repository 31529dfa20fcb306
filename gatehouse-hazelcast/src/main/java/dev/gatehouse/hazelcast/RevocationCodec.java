package dev.gatehouse.hazelcast;

import dev.gatehouse.store.Revocation;
import java.time.Instant;

/**
 * How a revocation is written in the cluster: a string key and a {@code long[]} value, both types
 * every Hazelcast member can read without Gatehouse's classes (client mode against a plain cluster)
 * and without Java serialization.
 */
final class RevocationCodec {

  private static final int SIZE = 4;

  private RevocationCodec() {}

  /**
   * One letter for the target, the issuer's length, a colon, the issuer, then the value: no issuer
   * or value can make two keys collide, whatever characters they contain.
   */
  static String key(Revocation.Key key) {
    return letter(key.target()) + key.issuer().length() + ":" + key.issuer() + key.value();
  }

  // Seconds and nanoseconds are written side by side on purpose: together they are the instant.
  @SuppressWarnings("JavaInstantGetSecondsGetNano")
  static long[] value(Revocation revocation) {
    return new long[] {
      revocation.issuedBefore().getEpochSecond(), revocation.issuedBefore().getNano(),
      revocation.until().getEpochSecond(), revocation.until().getNano()
    };
  }

  /** The revocation held under {@code key}; a value this version cannot read is refused. */
  static Revocation revocation(Revocation.Key key, long[] value) {
    if (value.length != SIZE) {
      throw new IllegalStateException("unreadable revocation value of length " + value.length);
    }
    return new Revocation(key, instant(value, 0), instant(value, 2));
  }

  static Instant until(long[] value) {
    return value.length == SIZE ? instant(value, 2) : Instant.MAX;
  }

  /**
   * The value that holds both (the later {@code issuedBefore} and the later {@code until}), as
   * {@link Revocation#merge} would write it; a value this version cannot read wins, to be refused.
   */
  static long[] later(long[] a, long[] b) {
    if (a.length != SIZE || b.length != SIZE) {
      return a.length != SIZE ? a : b;
    }
    long[] both = new long[SIZE];
    System.arraycopy(laterAt(a, b, 0) ? a : b, 0, both, 0, 2);
    System.arraycopy(laterAt(a, b, 2) ? a : b, 2, both, 2, 2);
    return both;
  }

  private static boolean laterAt(long[] a, long[] b, int at) {
    return a[at] > b[at] || (a[at] == b[at] && a[at + 1] >= b[at + 1]);
  }

  private static Instant instant(long[] value, int at) {
    return Instant.ofEpochSecond(value[at], value[at + 1]);
  }

  private static char letter(Revocation.Target target) {
    return switch (target) {
      case TOKEN_ID -> 'j';
      case SUBJECT -> 's';
      case SESSION -> 'd';
    };
  }
}
