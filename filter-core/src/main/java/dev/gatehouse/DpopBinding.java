package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.sender.DpopMode;

/** The DPoP settings ({@code gatehouse.dpop.*}) and the public base URL its proofs name. */
final class DpopBinding {

  private DpopBinding() {}

  static void apply(Settings s, GatehouseConfigBuilder b) {
    b.dpop(
        d -> {
          s.set(ConfigKey.DPOP, v -> d.mode(mode(v, s.name(ConfigKey.DPOP))));
          s.set(ConfigKey.DPOP_ALGORITHMS, v -> d.algorithms(Values.list(v)));
          s.set(
              ConfigKey.DPOP_PROOF_MAX_AGE,
              v -> d.proofMaxAge(Values.duration(v, s.name(ConfigKey.DPOP_PROOF_MAX_AGE))));
          s.set(
              ConfigKey.DPOP_NONCE,
              v -> {
                if (nonce(v, s.name(ConfigKey.DPOP_NONCE))) {
                  d.requireNonce();
                }
              });
          s.set(
              ConfigKey.DPOP_REPLAY_MAX_ENTRIES,
              v ->
                  d.replayMaxEntries(Values.integer(v, s.name(ConfigKey.DPOP_REPLAY_MAX_ENTRIES))));
          s.set(
              ConfigKey.PUBLIC_BASE_URL,
              v -> d.publicBaseUrl(Settings.uri(v, s.name(ConfigKey.PUBLIC_BASE_URL))));
        });
  }

  private static DpopMode mode(String value, String property) {
    try {
      return DpopMode.named(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }

  /** {@code on}/{@code off}, as the documentation writes it, or {@code true}/{@code false}. */
  private static boolean nonce(String value, String property) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new IllegalArgumentException(property + ": '" + value + "' must be on or off");
    };
  }
}
