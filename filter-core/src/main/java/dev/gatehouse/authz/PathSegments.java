package dev.gatehouse.authz;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Segment by segment: the slow paths of {@link RequestPaths}, taken only when a path needs them.
 */
final class PathSegments {

  private PathSegments() {}

  /**
   * Empty and dot segments of a decoded path removed (RFC 3986 section 5.2.4; {@code ..} never
   * climbs above the root) and the trailing slash dropped.
   */
  static String resolve(String path) {
    Deque<String> kept = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        kept.pollLast();
      } else {
        kept.addLast(segment);
      }
    }
    return "/" + String.join("/", kept);
  }

  /**
   * Empty and dot segments of a raw path. A segment's name ends at its first {@code ;} (Servlet 6.0
   * section 3.5.2 strips path parameters), and {@code %2E} in a name is read as the period it
   * decodes to, so {@code ..;x} and {@code %2e%2e} are dot segments too. An empty last segment is a
   * trailing slash, not an empty segment.
   */
  static int ambiguities(String raw) {
    int found = 0;
    int start = raw.startsWith("/") ? 1 : 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('/', start);
      if (end < 0) {
        end = raw.length();
      }
      int semicolon = raw.indexOf(';', start);
      int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
      boolean last = end == raw.length();
      if (nameEnd == start && !(last && end == start)) {
        found |= RequestPaths.bit(PathAmbiguity.EMPTY_SEGMENT);
      } else if (isDots(raw, start, nameEnd)) {
        found |= RequestPaths.bit(PathAmbiguity.DOT_SEGMENT);
      }
      start = end + 1;
    }
    return found;
  }

  /** True for {@code .} and {@code ..}, each period written as itself or as {@code %2E}. */
  private static boolean isDots(String raw, int from, int to) {
    int periods = 0;
    int i = from;
    while (i < to) {
      if (raw.charAt(i) == '.') {
        i++;
      } else if (raw.regionMatches(true, i, "%2e", 0, 3) && i + 3 <= to) {
        i += 3;
      } else {
        return false;
      }
      periods++;
    }
    return periods == 1 || periods == 2;
  }
}
