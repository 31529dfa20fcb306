package dev.gatehouse.signals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The range checks of {@link SignalsConfig}; each message names the property. */
final class SignalsChecks {

  private static final String PREFIX = "gatehouse.signals.";

  /** A base64url SHA-256: 43 characters, no padding. */
  private static final Pattern THUMBPRINT = Pattern.compile("[A-Za-z0-9_-]{43}");

  private SignalsChecks() {}

  static <T> T present(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(PREFIX + name + " is required");
    }
    return value;
  }

  static void require(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(PREFIX + name + " is required");
    }
  }

  static List<String> algorithms(List<String> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "algorithms: at least one is required");
    }
    for (String alg : algorithms) {
      if (!SignalsConfig.ASYMMETRIC_ALGORITHMS.contains(alg)) {
        throw new IllegalArgumentException(
            PREFIX
                + "algorithms: "
                + alg
                + " is not one of "
                + SignalsConfig.ASYMMETRIC_ALGORITHMS);
      }
    }
    return List.copyOf(algorithms);
  }

  static void between(Duration value, Duration min, Duration max, String name) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          PREFIX + name + ": " + value + " is outside " + min + ".." + max);
    }
  }

  static void between(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          PREFIX + name + ": " + value + " is outside " + min + ".." + max);
    }
  }

  /** The message never contains the secret, only its length. */
  static void secret(Optional<String> secret, String name) {
    if (secret.isPresent() && secret.get().length() < SignalsConfig.MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          PREFIX
              + name
              + ": at least "
              + SignalsConfig.MIN_SECRET_LENGTH
              + " characters are required, "
              + secret.get().length()
              + " given");
    }
  }

  static Set<String> thumbprints(Set<String> thumbprints) {
    for (String t : thumbprints) {
      if (!THUMBPRINT.matcher(t).matches()) {
        throw new IllegalArgumentException(
            PREFIX
                + "push-client-certificates: '"
                + t
                + "' is not a base64url SHA-256 thumbprint (43 characters)");
      }
    }
    return Set.copyOf(thumbprints);
  }
}
