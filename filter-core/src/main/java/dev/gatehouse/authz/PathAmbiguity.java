package dev.gatehouse.authz;

import java.util.Locale;

/**
 * The spellings of a request path that containers, frameworks and proxies read in different ways.
 * {@link RequestPaths} refuses each of them unless the configuration allows it by its {@link
 * #setting() name}.
 */
public enum PathAmbiguity {
  /** {@code %2F}: a slash that is not a separator to one reader and is to the next. */
  ENCODED_SLASH("encoded-slash"),
  /** {@code %5C}: a backslash, which some servers and file systems take as a separator. */
  ENCODED_BACKSLASH("encoded-backslash"),
  /** A raw {@code \}, which is not allowed in a URI at all. */
  BACKSLASH("backslash"),
  /** {@code %3B}: a semicolon that is part of a segment's name instead of starting parameters. */
  ENCODED_SEMICOLON("encoded-semicolon"),
  /** {@code %25}: decoded once more by a second reader, it becomes a new escape. */
  ENCODED_PERCENT("encoded-percent"),
  /** {@code %2E}: a period that becomes a dot segment after decoding. */
  ENCODED_PERIOD("encoded-period"),
  /** A {@code .} or {@code ..} segment, also with path parameters ({@code ..;x}). */
  DOT_SEGMENT("dot-segments"),
  /** An empty segment ({@code //}, or {@code /;x/}) anywhere but at the end. */
  EMPTY_SEGMENT("empty-segments");

  private final String setting;

  PathAmbiguity(String setting) {
    this.setting = setting;
  }

  /** As written in {@code gatehouse.allow-ambiguous-paths}, e.g. {@code encoded-slash}. */
  public String setting() {
    return setting;
  }

  /**
   * @throws IllegalArgumentException listing the names there are
   */
  public static PathAmbiguity named(String setting) {
    String wanted = setting.strip().toLowerCase(Locale.ROOT);
    for (PathAmbiguity a : values()) {
      if (a.setting.equals(wanted)) {
        return a;
      }
    }
    StringBuilder names = new StringBuilder();
    for (PathAmbiguity a : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(a.setting);
    }
    throw new IllegalArgumentException("'" + setting.strip() + "' is not one of " + names);
  }
}
