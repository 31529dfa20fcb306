package dev.gatehouse.internal.config;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads settings by key from a {@link PropertyLookup}, with errors that name the key used. */
public final class Settings {

  private final PropertyLookup lookup;

  public Settings(PropertyLookup lookup) {
    this.lookup = lookup;
  }

  public PropertyLookup lookup() {
    return lookup;
  }

  public Optional<String> value(ConfigKey key) {
    for (String name : names(key)) {
      Optional<String> v = value(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** A key that is not a {@link ConfigKey}, such as {@code gatehouse.issuers.a.issuer}. */
  public Optional<String> value(String property) {
    return lookup.get(property).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The name under which the value was actually found, for error messages. */
  public String name(ConfigKey key) {
    for (String name : names(key)) {
      if (lookup.get(name).filter(s -> !s.isBlank()).isPresent()) {
        return name;
      }
    }
    return key.property();
  }

  public void set(ConfigKey key, Consumer<String> setter) {
    value(key).ifPresent(setter);
  }

  /** A {@code true}/{@code false} setting, if set; a value that is neither names the key. */
  public Optional<Boolean> bool(ConfigKey key) {
    return value(key).map(v -> Values.bool(v, name(key)));
  }

  public void flag(ConfigKey key, Runnable enable) {
    value(key).filter(v -> Values.bool(v, name(key))).ifPresent(v -> enable.run());
  }

  public List<String> list(ConfigKey key) {
    return value(key).map(Values::list).orElse(List.of());
  }

  public static URI uri(String value, String property) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": '" + value + "' is not a valid URL");
    }
  }

  /** The Gatehouse name first, then the MicroProfile JWT name. */
  private static List<String> names(ConfigKey key) {
    return key.microProfileAlias()
        .map(alias -> List.of(key.property(), alias))
        .orElse(List.of(key.property()));
  }
}
