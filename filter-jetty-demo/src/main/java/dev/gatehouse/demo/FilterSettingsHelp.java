package dev.gatehouse.demo;

import dev.gatehouse.config.ConfigKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default and one-paragraph description of every filter setting, for {@code --help}, gathered
 * from one small table per group of settings. Defaults come from the library's constants where it
 * has them, so the help cannot drift from the code; docs/configuration.md has the long form.
 */
final class FilterSettingsHelp {

  record Entry(String defaultValue, String description) {}

  private static final Map<ConfigKey, Entry> ENTRIES = new EnumMap<>(ConfigKey.class);

  static {
    ENTRIES.putAll(IdentitySettingsHelp.entries());
    ENTRIES.putAll(TransportSettingsHelp.entries());
    ENTRIES.putAll(AccessSettingsHelp.entries());
    ENTRIES.putAll(IntrospectionSettingsHelp.entries());
    ENTRIES.putAll(LoginSettingsHelp.entries());
    ENTRIES.putAll(SignalsSettingsHelp.entries());
  }

  private FilterSettingsHelp() {}

  /** The entry for {@code key}; empty only for a key added to the library and not yet here. */
  static Optional<Entry> of(ConfigKey key) {
    return Optional.ofNullable(ENTRIES.get(key));
  }

  /** Adds the entry of {@code key} to a group's table. */
  static void put(
      Map<ConfigKey, Entry> table, ConfigKey key, String defaultValue, String description) {
    table.put(key, new Entry(defaultValue, description));
  }

  /** In the short form the settings accept: 30s, 10m, 24h. */
  static String duration(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
