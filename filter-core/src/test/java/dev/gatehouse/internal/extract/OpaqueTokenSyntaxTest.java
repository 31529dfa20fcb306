package dev.gatehouse.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With introspection, any b64token passes the syntax check; only JWT-shaped ones are JWTs. */
class OpaqueTokenSyntaxTest {

  private static final int MAX = 64;

  @ParameterizedTest
  @ValueSource(strings = {"opaque", "a1~b2+c3/d4==", "a.b", "a.b.c.d.e", "a.b.c="})
  void whenAnyB64TokenThenAcceptedAndNotAJwt(String token) {
    assertEquals(token, TokenSyntax.checkB64Token(token, MAX));
    assertFalse(TokenSyntax.isJwt(token));
  }

  @Test
  void whenThreeBase64UrlSegmentsThenItIsAJwt() {
    assertTrue(TokenSyntax.isJwt("a.b.c"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "=abc", "a=b", "caf\u00e9"})
  void whenNotAB64TokenThenTheCredentialIsMalformedEvenForIntrospection(String token) {
    assertEquals(
        Rejection.MALFORMED_AUTHORIZATION,
        assertThrows(BearerTokenException.class, () -> TokenSyntax.checkB64Token(token, MAX))
            .rejection());
  }

  @Test
  void whenOverTheLimitThenTooLargeEvenForIntrospection() {
    assertEquals(
        Rejection.TOKEN_TOO_LARGE,
        assertThrows(
                BearerTokenException.class, () -> TokenSyntax.checkB64Token("x".repeat(65), MAX))
            .rejection());
  }
}
