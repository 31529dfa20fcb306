package dev.gatehouse.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A configured claim name read from a token's claims: a plain name, a path through nested objects
 * ({@code realm_access.roles}), or a name that itself contains dots (Auth0's namespaced claims).
 */
class ClaimPathTest {

  private static final String PROPERTY = "gatehouse.scope-claims";

  private static Object read(String name, Map<String, ?> claims) {
    return ClaimPath.of(name, PROPERTY).read(claims);
  }

  @Nested
  class Reading {

    @Test
    void whenTheNameHasNoDotThenItIsTheTopLevelClaim() {
      assertEquals("read write", read("scope", Map.of("scope", "read write")));
      assertNull(read("scope", Map.of("scp", "read")));
    }

    @Test
    void whenTheNameIsAPathThenItWalksNestedObjects() {
      Map<String, Object> claims =
          Map.of(
              "realm_access", Map.of("roles", List.of("orders-reader")),
              "resource_access", Map.of("orders-api", Map.of("roles", List.of("write"))));

      assertEquals(List.of("orders-reader"), read("realm_access.roles", claims));
      assertEquals(List.of("write"), read("resource_access.orders-api.roles", claims));
      assertNull(read("resource_access.billing.roles", claims));
    }

    @Test
    void whenATopLevelNameContainsTheDotsThenTheExactNameWinsOverThePath() {
      Map<String, Object> claims =
          Map.of(
              "https://example.com/roles", List.of("admin"),
              "https://example", Map.of("com/roles", List.of("intruder")));

      assertEquals(List.of("admin"), read("https://example.com/roles", claims));
    }

    @Test
    void whenOnlyThePathExistsThenThePathIsRead() {
      Map<String, Object> claims = Map.of("https://example", Map.of("com/roles", List.of("x")));

      assertEquals(List.of("x"), read("https://example.com/roles", claims));
    }

    @Test
    void whenANestedMemberNameContainsDotsThenTheLongestMatchingNameIsTaken() {
      // Keycloak client ids may contain dots: resource_access holds "shop.orders" as one member.
      Map<String, Object> claims =
          Map.of(
              "resource_access",
              Map.of(
                  "shop.orders", Map.of("roles", List.of("write")),
                  "shop", Map.of("orders", Map.of("roles", List.of("other")))));

      assertEquals(List.of("write"), read("resource_access.shop.orders.roles", claims));
    }

    @Test
    void whenAPartOfThePathIsNotAnObjectThenTheClaimIsAbsent() {
      assertNull(read("realm_access.roles", Map.of("realm_access", "roles")));
      assertNull(read("realm_access.roles", Map.of("realm_access", List.of(Map.of("roles", "a")))));
      assertNull(read("scope.more", Map.of("scope", "read")));
    }

    @Test
    void whenAMemberIsJsonNullThenTheClaimIsAbsent() {
      Map<String, Object> claims = new java.util.HashMap<>();
      claims.put("realm_access", null);

      assertNull(read("realm_access.roles", claims));
    }
  }

  @Nested
  class Configuration {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".roles", "realm_access.", "realm_access..roles"})
    void whenTheNameIsBlankOrHasAnEmptyPartThenItIsRefusedNamingTheProperty(String name) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ClaimPath.of(name, PROPERTY));

      assertTrue(e.getMessage().startsWith(PROPERTY + ": "), e.getMessage());
    }

    @Test
    void whenThePathHasMoreThanTheMostPartsThenItIsRefused() {
      String deepest = "a" + ".a".repeat(ClaimPath.MAX_PARTS - 1);

      assertEquals(deepest, ClaimPath.of(deepest, PROPERTY).name());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> ClaimPath.of(deepest + ".a", PROPERTY));
      assertTrue(e.getMessage().contains(String.valueOf(ClaimPath.MAX_PARTS)), e.getMessage());
    }

    @Test
    void whenNamesAreListedThenEachIsCheckedInOrder() {
      List<ClaimPath> paths = ClaimPath.all(List.of("scope", "realm_access.roles"), PROPERTY);

      assertEquals(
          List.of("scope", "realm_access.roles"), paths.stream().map(ClaimPath::name).toList());
      assertThrows(
          IllegalArgumentException.class, () -> ClaimPath.all(List.of("scope", "a..b"), PROPERTY));
    }
  }
}
