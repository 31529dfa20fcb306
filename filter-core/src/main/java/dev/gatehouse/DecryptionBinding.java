package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.verify.Decryption;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code gatehouse.decryption.*}: the keys and algorithms of encrypted access tokens. */
final class DecryptionBinding {

  private static final List<ConfigKey> DEPENDENT =
      List.of(
          ConfigKey.DECRYPTION_KEYSTORE_PASSWORD,
          ConfigKey.DECRYPTION_KEYSTORE_ALIASES,
          ConfigKey.DECRYPTION_KEY_ALGORITHMS,
          ConfigKey.DECRYPTION_CONTENT_ALGORITHMS);

  private DecryptionBinding() {}

  static void apply(Settings s, GatehouseConfigBuilder b) {
    boolean keyStore = s.value(ConfigKey.DECRYPTION_KEYSTORE).isPresent();
    List<String> pemKeys = s.list(ConfigKey.DECRYPTION_PEM_KEYS);
    if (!keyStore && pemKeys.isEmpty()) {
      for (ConfigKey key : DEPENDENT) {
        if (s.value(key).isPresent()) {
          throw new IllegalArgumentException(
              ConfigKey.DECRYPTION_KEYSTORE.property()
                  + " or "
                  + ConfigKey.DECRYPTION_PEM_KEYS.property()
                  + ": required when "
                  + key.property()
                  + " is set");
        }
      }
      return;
    }
    Decryption.Builder d = Decryption.builder();
    if (keyStore) {
      // Read raw, not trimmed: a password may end in a space. It goes nowhere but KeyStore.load.
      char[] password =
          s.lookup()
              .get(ConfigKey.DECRYPTION_KEYSTORE_PASSWORD.property())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          ConfigKey.DECRYPTION_KEYSTORE_PASSWORD.property()
                              + ": required with "
                              + ConfigKey.DECRYPTION_KEYSTORE.property()))
              .toCharArray();
      try {
        d.keyStore(
            path(s.value(ConfigKey.DECRYPTION_KEYSTORE).get(), ConfigKey.DECRYPTION_KEYSTORE),
            password,
            s.list(ConfigKey.DECRYPTION_KEYSTORE_ALIASES));
      } finally {
        Arrays.fill(password, '\0'); // this copy at least does not linger until collected
      }
    } else if (s.value(ConfigKey.DECRYPTION_KEYSTORE_ALIASES).isPresent()) {
      throw new IllegalArgumentException(
          ConfigKey.DECRYPTION_KEYSTORE_ALIASES.property()
              + ": only with "
              + ConfigKey.DECRYPTION_KEYSTORE.property());
    }
    for (String entry : pemKeys) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException(
            ConfigKey.DECRYPTION_PEM_KEYS.property() + ": '" + entry + "' is not kid=file");
      }
      d.pemKey(
          entry.substring(0, eq).strip(),
          path(entry.substring(eq + 1).strip(), ConfigKey.DECRYPTION_PEM_KEYS));
    }
    if (s.value(ConfigKey.DECRYPTION_KEY_ALGORITHMS).isPresent()) {
      d.keyAlgorithms(s.list(ConfigKey.DECRYPTION_KEY_ALGORITHMS));
    }
    if (s.value(ConfigKey.DECRYPTION_CONTENT_ALGORITHMS).isPresent()) {
      d.contentAlgorithms(s.list(ConfigKey.DECRYPTION_CONTENT_ALGORITHMS));
    }
    b.decryption(d.build());
  }

  private static Path path(String value, ConfigKey key) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(key.property() + ": '" + value + "' is not a file path");
    }
  }
}
