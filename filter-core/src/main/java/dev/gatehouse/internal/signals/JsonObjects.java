package dev.gatehouse.internal.signals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the JSON objects jose4j parses a SET into. */
final class JsonObjects {

  private JsonObjects() {}

  static Map<String, Object> object(Object value, String what) throws SetRefusedException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new SetRefusedException(SetError.INVALID_REQUEST, what + " is not an object");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  static Optional<String> string(Map<String, Object> object, String member) {
    return object.get(member) instanceof String s && !s.isEmpty()
        ? Optional.of(s)
        : Optional.empty();
  }

  static Optional<Map<String, Object>> optionalObject(Map<String, Object> object, String member)
      throws SetRefusedException {
    Object value = object.get(member);
    return value == null ? Optional.empty() : Optional.of(object(value, member));
  }

  /** A NumericDate member: seconds since the epoch, possibly with a fraction. */
  static Optional<Long> seconds(Map<String, Object> object, String member) {
    return object.get(member) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
