package dev.gatehouse.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A claim as the configuration names it: a top-level name ({@code scope}), or a path of member
 * names through nested objects, separated by dots ({@code realm_access.roles}).
 *
 * <p>Names may themselves contain dots: Auth0's namespaced claims ({@code
 * https://example.com/roles}) and Keycloak client ids ({@code resource_access.shop.web.roles}). So
 * at each object the longest run of the remaining parts that is a member there is taken; an exact
 * top-level name therefore always wins over reading it as a path. There is no backtracking: when
 * that member does not lead on, the claim is absent.
 */
public final class ClaimPath {

  /**
   * Most dot-separated parts a name may have. Each object on the way is asked for every run of the
   * remaining parts, so this bounds the work per claim (and the depth walked) whatever the token.
   */
  public static final int MAX_PARTS = 16;

  private final String name;

  /** {@code members[from][to]}: parts {@code from} to {@code to - 1} joined by dots. */
  private final String[][] members;

  private ClaimPath(String name, String[] parts) {
    this.name = name;
    this.members = new String[parts.length][parts.length + 1];
    for (int from = 0; from < parts.length; from++) {
      for (int to = from + 1; to <= parts.length; to++) {
        members[from][to] = String.join(".", List.of(parts).subList(from, to));
      }
    }
  }

  /**
   * @param property the setting the name comes from, for the error message
   * @throws IllegalArgumentException naming {@code property} when the name is blank, has an empty
   *     part (a leading, trailing or doubled dot) or more than {@link #MAX_PARTS} parts
   */
  public static ClaimPath of(String name, String property) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(property + ": a claim name must not be blank");
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException(
            property + ": '" + name + "' has an empty part between dots");
      }
    }
    if (parts.length > MAX_PARTS) {
      throw new IllegalArgumentException(
          property + ": '" + name + "' has more than " + MAX_PARTS + " dot-separated parts");
    }
    return new ClaimPath(name, parts);
  }

  /** {@link #of} for each name, in order. */
  public static List<ClaimPath> all(List<String> names, String property) {
    List<ClaimPath> paths = new ArrayList<>(names.size());
    names.forEach(n -> paths.add(of(n, property)));
    return List.copyOf(paths);
  }

  /** The name as configured. */
  public String name() {
    return name;
  }

  /**
   * The value the name leads to in {@code claims} (parsed JSON: maps, lists, strings, numbers), or
   * null when it leads nowhere: a member missing or JSON {@code null}, or a step through something
   * other than an object.
   */
  public @Nullable Object read(Map<String, ?> claims) {
    Object node = claims;
    int from = 0;
    int parts = members.length;
    while (from < parts) {
      if (!(node instanceof Map<?, ?> object)) {
        return null;
      }
      Object next = null;
      int to = parts;
      while (to > from && (next = object.get(members[from][to])) == null) {
        to--;
      }
      if (next == null) {
        return null;
      }
      node = next;
      from = to;
    }
    return node;
  }

  @Override
  public String toString() {
    return name;
  }
}
