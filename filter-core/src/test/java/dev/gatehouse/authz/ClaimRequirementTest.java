package dev.gatehouse.authz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One claim, checked on every token; failures all read the same to the client. */
class ClaimRequirementTest {

  private static AccessToken withClaim(Object value) {
    return AccessToken.builder()
        .issuer("https://issuer.example/")
        .expiresAt(Instant.now().plusSeconds(60))
        .claims(value == null ? Map.of() : Map.of("org_id", value))
        .build();
  }

  static List<Object> accepted() {
    return List.of("acme", "beta", List.of("other", "acme"));
  }

  static List<Object> refused() {
    return List.of(
        "ACME",
        "",
        List.of("other"),
        List.of(),
        42L,
        true,
        Map.of("org_id", "acme"),
        List.of(1L, 2L));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void whenTheClaimIsOneOfTheValuesOrAnArrayHoldingOneThenAccepted(Object value) {
    assertDoesNotThrow(
        () -> ClaimRequirement.oneOf("org_id", "acme", "beta").check(withClaim(value)));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void whenTheClaimIsAnythingElseThen401WithTheFixedRejection(Object value) {
    BearerTokenException e =
        assertThrows(
            BearerTokenException.class,
            () -> ClaimRequirement.oneOf("org_id", "acme", "beta").check(withClaim(value)));

    assertEquals(Rejection.CLAIM_REQUIREMENT_UNMET, e.rejection());
  }

  @Test
  void whenTheClaimIsMissingThenRefused() {
    assertThrows(
        BearerTokenException.class,
        () -> ClaimRequirement.oneOf("org_id", "acme").check(withClaim(null)));
  }

  @Test
  void whenAProgrammaticCheckIsGivenThenItSeesTheJsonValue() {
    ClaimRequirement adult =
        ClaimRequirement.matching("org_id", v -> v instanceof Long n && n >= 18);

    assertDoesNotThrow(() -> adult.check(withClaim(21L)));
    assertThrows(BearerTokenException.class, () -> adult.check(withClaim(17L)));
    assertThrows(BearerTokenException.class, () -> adult.check(withClaim(null)));
  }

  @Test
  void whenNoValueIsGivenThenTheRequirementCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> ClaimRequirement.oneOf("org_id"));
    assertThrows(IllegalArgumentException.class, () -> ClaimRequirement.oneOf(" ", "x"));
  }
}
