package dev.gatehouse.internal.lean;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protected headers already read, by their exact base64url text. An issuer's tokens carry a handful
 * of distinct headers (one per signing key), so nearly every token is a hit and its header is never
 * parsed. Bounded: when full it starts again empty, which costs only re-reading the headers in use;
 * a client sending ever new headers gains nothing over the full path, which it would get anyway.
 */
final class HeaderCache {

  static final int MAX_HEADERS = 256;

  private final Set<String> algorithms;
  private final ConcurrentHashMap<String, Verdict<LeanHeader>> bySegment =
      new ConcurrentHashMap<>();

  HeaderCache(Set<String> algorithms) {
    this.algorithms = Set.copyOf(algorithms);
  }

  /** The header of this segment, or undecided when the fast path does not handle it. */
  Verdict<LeanHeader> get(String segment) {
    Verdict<LeanHeader> known = bySegment.get(segment);
    if (known != null) {
      return known;
    }
    Verdict<LeanHeader> read = LeanHeader.of(segment, algorithms);
    if (bySegment.size() >= MAX_HEADERS) {
      bySegment.clear();
    }
    bySegment.put(segment, read);
    return read;
  }

  int size() {
    return bySegment.size();
  }
}
