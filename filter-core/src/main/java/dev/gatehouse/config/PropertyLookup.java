package dev.gatehouse.config;

import java.util.Optional;

/** Where setting strings come from: filter init-params, MicroProfile Config, a map in a test. */
@FunctionalInterface
public interface PropertyLookup {

  /** The value of {@code key}, if set and not blank. */
  Optional<String> get(String key);

  /** This lookup first, then {@code fallback}. */
  default PropertyLookup orElse(PropertyLookup fallback) {
    return key -> {
      Optional<String> value = get(key);
      return value.isPresent() ? value : fallback.get(key);
    };
  }
}
