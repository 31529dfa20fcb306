package dev.gatehouse.cdi;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts a claim's JSON value to the injected type. A value of another JSON type is the token's
 * fault as far as this API is concerned: 401 {@code invalid_token}, never a guess.
 */
final class ClaimValues {

  private ClaimValues() {}

  static Optional<String> string(@Nullable Object value) {
    return typed(value, String.class);
  }

  /** JSON integers; a fraction such as {@code 1.5} is refused rather than rounded. */
  static Optional<Long> number(@Nullable Object value) {
    if (value instanceof Integer i) {
      return Optional.of(i.longValue());
    }
    return typed(value, Long.class);
  }

  static Optional<Boolean> flag(@Nullable Object value) {
    return typed(value, Boolean.class);
  }

  /**
   * A JSON array of strings, or one string (as RFC 7519 allows for {@code aud}); absent is empty.
   */
  static List<String> strings(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (!(value instanceof List<?> list)) {
      throw invalid();
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object element : list) {
      strings.add(typed(element, String.class).orElseThrow(ClaimValues::invalid));
    }
    return Collections.unmodifiableList(strings);
  }

  static Set<String> stringSet(@Nullable Object value) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(strings(value)));
  }

  /** A primitive cannot be null, and a default such as 0 or false would pass for a real value. */
  static <T> @Nullable T requiredIfPrimitive(InjectionPoint ip, Optional<T> value) {
    Type type = ip.getType();
    if (type instanceof Class<?> c && c.isPrimitive() && value.isEmpty()) {
      throw invalid();
    }
    return value.orElse(null);
  }

  private static <T> Optional<T> typed(@Nullable Object value, Class<T> type) {
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw invalid();
    }
    return Optional.of(type.cast(value));
  }

  private static BearerTokenException invalid() {
    return new BearerTokenException(Rejection.INVALID_CLAIMS);
  }
}
