package dev.gatehouse.authz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deny-list, allow-list and registry, in that order; a client must be known when they apply. */
class ClientPolicyTest {

  private static AccessToken client(String clientId) {
    return AccessToken.builder()
        .issuer("https://issuer.example/")
        .clientId(clientId)
        .expiresAt(Instant.now().plusSeconds(60))
        .build();
  }

  private static void refused(ClientPolicy policy, String clientId) {
    BearerTokenException e =
        assertThrows(BearerTokenException.class, () -> policy.check(client(clientId)));
    assertEquals(Rejection.CLIENT_NOT_ALLOWED, e.rejection());
  }

  @Test
  void whenNothingIsConfiguredThenEveryClientAndNoClientPass() {
    ClientPolicy any = ClientPolicy.of(List.of(), List.of(), Optional.empty());

    assertSame(ClientPolicy.any(), any);
    assertDoesNotThrow(() -> any.check(client(null)));
  }

  @Test
  void whenADenyListIsSetThenOnlyItsClientsAreRefused() {
    ClientPolicy policy = ClientPolicy.of(List.of(), List.of("revoked-app"), Optional.empty());

    refused(policy, "revoked-app");
    assertDoesNotThrow(() -> policy.check(client("other-app")));
    assertDoesNotThrow(() -> policy.check(client(null)), "the deny-list cannot name nobody");
  }

  @Test
  void whenAnAllowListIsSetThenOnlyItsClientsPassAndATokenWithoutAClientIsRefused() {
    ClientPolicy policy = ClientPolicy.of(List.of("app-a", "app-b"), List.of(), Optional.empty());

    assertDoesNotThrow(() -> policy.check(client("app-a")));
    refused(policy, "app-c");
    refused(policy, null);
    refused(policy, "APP-A");
  }

  @Test
  void whenARegistryIsSetThenItIsAskedAfterTheListsAndOnlyForUnlistedRefusals() {
    Set<String> active = Set.of("app-a", "app-x");
    ClientPolicy policy =
        ClientPolicy.of(List.of(), List.of("app-x"), Optional.of(active::contains));

    assertDoesNotThrow(() -> policy.check(client("app-a")));
    refused(policy, "app-b");
    refused(policy, "app-x");
    refused(policy, null);
  }
}
