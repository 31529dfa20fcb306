package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.sender.DpopPolicy;
import java.time.Duration;
import java.util.Optional;

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
          nonceTiming(s, d);
          s.set(
              ConfigKey.DPOP_REPLAY_MAX_ENTRIES,
              v ->
                  d.replayMaxEntries(Values.integer(v, s.name(ConfigKey.DPOP_REPLAY_MAX_ENTRIES))));
          s.set(
              ConfigKey.PUBLIC_BASE_URL,
              v -> d.publicBaseUrl(Settings.uri(v, s.name(ConfigKey.PUBLIC_BASE_URL))));
        });
  }

  /** Slot and rotation are checked together: a slot longer than the rotation cannot work. */
  private static void nonceTiming(Settings s, DpopPolicy.Builder d) {
    Optional<String> slot = s.value(ConfigKey.DPOP_NONCE_SLOT);
    Optional<String> rotation = s.value(ConfigKey.DPOP_NONCE_ROTATION);
    if (slot.isEmpty() && rotation.isEmpty()) {
      return;
    }
    String slotName = s.name(ConfigKey.DPOP_NONCE_SLOT);
    String rotationName = s.name(ConfigKey.DPOP_NONCE_ROTATION);
    Duration slotLength =
        slot.map(v -> Values.duration(v, slotName)).orElse(DpopPolicy.DEFAULT_NONCE_SLOT);
    Duration period =
        rotation
            .map(v -> Values.duration(v, rotationName))
            .orElse(DpopPolicy.DEFAULT_NONCE_ROTATION);
    if (slotLength.toSeconds() < 1 || period.compareTo(slotLength) < 0) {
      throw new IllegalArgumentException(
          slotName
              + " ("
              + slot.orElse(slotLength.toString())
              + ") must be at least 1s and no longer than "
              + rotationName
              + " ("
              + rotation.orElse(period.toString())
              + ")");
    }
    d.nonceTiming(slotLength, period);
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
