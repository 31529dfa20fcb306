package dev.gatehouse.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of claims: a verified token is shared by everything that handles the
 * request, so neither the application nor the verifier that built it may change what it says.
 */
final class FrozenClaims {

  private FrozenClaims() {}

  /** A copy of {@code map} in which every nested object and array is an unmodifiable copy too. */
  static Map<String, Object> copyOf(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freeze(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(Object value) {
    if (value == null || value instanceof String || value instanceof Long) {
      return value; // the common leaves, by final class before the interface checks below
    }
    if (value instanceof Map<?, ?> m) {
      return copyOf((Map<String, ?>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
