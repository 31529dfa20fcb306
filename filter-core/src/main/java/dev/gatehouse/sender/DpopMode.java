package dev.gatehouse.sender;

import java.util.Locale;

/** Whether a path accepts DPoP-bound tokens (RFC 9449), in the words of the rule syntax. */
public enum DpopMode {
  /** {@code dpop=off}: Bearer only; the DPoP scheme is not looked at and DPoP-bound tokens fail. */
  OFF,
  /** {@code dpop=allowed}: Bearer tokens, and DPoP-bound tokens with a proof. */
  ALLOWED,
  /** {@code dpop=required}: DPoP-bound tokens with a proof only. */
  REQUIRED;

  /**
   * @throws IllegalArgumentException naming the accepted words
   */
  public static DpopMode named(String word) {
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "off" -> OFF;
      case "allowed" -> ALLOWED;
      case "required" -> REQUIRED;
      default ->
          throw new IllegalArgumentException(
              "'" + word.strip() + "' must be off, allowed or required");
    };
  }

  /** The word of the rule syntax. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
