package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The application's view of a verified token: immutable, and quiet in logs. */
class AccessTokenTest {

  private static AccessToken.Builder token() {
    return AccessToken.builder()
        .issuer("https://tenant.auth0.com/")
        .subject("auth0|alice")
        .expiresAt(Instant.parse("2031-01-01T00:00:00Z"));
  }

  @Test
  void whenBuiltFromMutableInputsThenLaterChangesToThemDoNotLeakIn() {
    List<String> audiences = new ArrayList<>(List.of("a"));
    Set<String> scopes = new LinkedHashSet<>(Set.of("read"));
    Map<String, Object> claims = new HashMap<>(Map.of("roles", new ArrayList<>(List.of("x"))));

    AccessToken t = token().audiences(audiences).scopes(scopes).claims(claims).build();
    audiences.add("b");
    scopes.add("write");
    claims.put("extra", 1);

    assertEquals(List.of("a"), t.audiences());
    assertEquals(Set.of("read"), t.scopes());
    assertFalse(t.claims().containsKey("extra"));
  }

  @Test
  void whenClaimsAreNestedThenEveryLevelIsUnmodifiable() {
    Map<String, Object> address = new HashMap<>(Map.of("country", "NZ"));
    AccessToken t =
        token()
            .claims(Map.of("address", address, "groups", new ArrayList<>(List.of("ops"))))
            .build();

    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) t.claim("address").orElseThrow();
    @SuppressWarnings("unchecked")
    List<Object> groups = (List<Object>) t.claim("groups").orElseThrow();

    assertThrows(UnsupportedOperationException.class, () -> nested.put("city", "x"));
    assertThrows(UnsupportedOperationException.class, () -> groups.add("admins"));
    assertThrows(UnsupportedOperationException.class, () -> t.claims().clear());
    assertThrows(UnsupportedOperationException.class, () -> t.scopes().add("x"));
  }

  @Test
  void whenPrintedThenOnlySubjectClientAndExpiryAppear() {
    AccessToken t = token().clientId("spa").claims(Map.of("email", "alice@example.com")).build();

    String printed = t.toString();

    assertEquals(
        "AccessToken[subject=auth0|alice, clientId=spa, expiresAt=2031-01-01T00:00:00Z]", printed);
    assertFalse(printed.contains("alice@example.com"));
  }

  @Test
  void whenAScopeIsAskedForThenOnlyExactNamesMatch() {
    AccessToken t = token().scopes(Set.of("orders:read")).build();

    assertTrue(t.hasScope("orders:read"));
    assertFalse(t.hasScope("orders"));
    assertFalse(t.hasScope("ORDERS:READ"));
  }

  @Test
  void whenTheTokenHasNoCnfThenItHasNoBinding() {
    assertEquals(Optional.empty(), token().build().binding());
    assertEquals(Optional.empty(), token().claims(Map.of("cnf", "x5t")).build().binding());
    assertEquals(
        Optional.empty(), token().claims(Map.of("cnf", Map.of("x5t", "a"))).build().binding());
  }

  @Test
  void whenCnfCarriesACertificateThumbprintThenTheBindingIsX5tS256() {
    AccessToken t = token().claims(Map.of("cnf", Map.of("x5t#S256", "abc"))).build();

    assertEquals(Optional.of(new TokenBinding(TokenBinding.Kind.X5T_S256, "abc")), t.binding());
  }

  @Test
  void whenCnfCarriesBothThenTheDpopKeyIsReportedAndTheCertificateStillReadable() {
    Map<String, Object> claims = Map.of("cnf", Map.of("jkt", "key", "x5t#S256", "cert"));
    AccessToken t = token().claims(claims).build();

    assertEquals(Optional.of(new TokenBinding(TokenBinding.Kind.JKT, "key")), t.binding());
    assertEquals(
        Optional.of(new TokenBinding(TokenBinding.Kind.X5T_S256, "cert")),
        TokenBinding.in(t.claims(), TokenBinding.Kind.X5T_S256));
  }

  @Test
  void whenTheBoundThumbprintIsNoStringThenTheBindingIsKeptWithAThumbprintNothingMatches() {
    AccessToken t = token().claims(Map.of("cnf", Map.of("jkt", 42L))).build();

    assertEquals(Optional.of(new TokenBinding(TokenBinding.Kind.JKT, "")), t.binding());
  }

  @Test
  void whenCnfNamesAKeyThumbprintThenTheTokenIsBoundToThatDpopKey() {
    AccessToken t = token().claims(Map.of("cnf", Map.of("jkt", "0ZcOCORZNYy"))).build();

    assertEquals(Optional.of(new TokenBinding(TokenBinding.Kind.JKT, "0ZcOCORZNYy")), t.binding());
  }

  @Test
  void whenCnfNamesACertificateThumbprintThenTheTokenIsBoundToThatCertificate() {
    AccessToken t = token().claims(Map.of("cnf", Map.of("x5t#S256", "bwcK0esc3ACC3DB2"))).build();

    assertEquals(
        Optional.of(new TokenBinding(TokenBinding.Kind.X5T_S256, "bwcK0esc3ACC3DB2")), t.binding());
  }

  @Test
  void whenCnfIsAbsentOrNotAnObjectThenTheTokenIsUnbound() {
    assertEquals(Optional.empty(), token().build().binding());
    assertEquals(Optional.empty(), token().claims(Map.of("cnf", "jkt")).build().binding());
  }

  @Test
  void whenTheThumbprintIsNotAStringThenTheTokenIsStillBoundButToNothingThatMatches() {
    assertEquals(
        Optional.of(new TokenBinding(TokenBinding.Kind.JKT, "")),
        token().claims(Map.of("cnf", Map.of("jkt", 7))).build().binding());
  }
}
