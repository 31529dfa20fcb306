package dev.gatehouse.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where setting strings come from: filter init-params, MicroProfile Config, a map in a test. */
@FunctionalInterface
public interface PropertyLookup {

  /** The value of {@code key}, if set and not blank. */
  Optional<String> get(String key);

  /**
   * The names this source can list, for settings whose keys are not known in advance ({@code
   * gatehouse.required-claims.<claim>}, {@code gatehouse.rules.<n>}). Empty when the source cannot
   * list them.
   */
  default Set<String> names() {
    return Set.of();
  }

  /** This lookup first, then {@code fallback}; the names of both. */
  default PropertyLookup orElse(PropertyLookup fallback) {
    PropertyLookup first = this;
    return new PropertyLookup() {
      @Override
      public Optional<String> get(String key) {
        Optional<String> value = first.get(key);
        return value.isPresent() ? value : fallback.get(key);
      }

      @Override
      public Set<String> names() {
        Set<String> all = new LinkedHashSet<>(first.names());
        all.addAll(fallback.names());
        return Collections.unmodifiableSet(all);
      }
    };
  }

  /** This lookup with its values trimmed (a value of only blanks is absent); the same names. */
  default PropertyLookup trimmed() {
    PropertyLookup source = this;
    return new PropertyLookup() {
      @Override
      public Optional<String> get(String key) {
        return source.get(key).map(String::trim).filter(v -> !v.isEmpty());
      }

      @Override
      public Set<String> names() {
        return source.names();
      }
    };
  }

  /** The entries of {@code map}, names included. */
  static PropertyLookup of(Map<String, String> map) {
    Map<String, String> copy = Map.copyOf(map);
    return new PropertyLookup() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(copy.get(key)).filter(v -> !v.isBlank());
      }

      @Override
      public Set<String> names() {
        return copy.keySet();
      }
    };
  }
}
