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

/** The cheap checks before any parser: RFC 6750 b64token, a length limit, the JWS shape. */
class TokenSyntaxTest {

  private static final int MAX = 64;

  private static Rejection rejectionOf(String token) {
    return assertThrows(BearerTokenException.class, () -> TokenSyntax.check(token, MAX))
        .rejection();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b.c", "abc-_.DEF_-.0123456789", "A.B.C"})
  void whenThreeNonEmptyBase64UrlSegmentsThenTheTokenIsReturnedUnchanged(String token) {
    assertEquals(token, TokenSyntax.check(token, MAX));
  }

  @Test
  void whenEmptyThenTheCredentialIsMalformed() {
    assertEquals(Rejection.MALFORMED_AUTHORIZATION, rejectionOf(""));
  }

  @Test
  void whenExactlyAtTheLimitThenAccepted() {
    String token = "a.b." + "c".repeat(MAX - 4);

    assertEquals(MAX, token.length());
    assertEquals(token, TokenSyntax.check(token, MAX));
  }

  @Test
  void whenOneOverTheLimitThenTooLarge() {
    assertEquals(Rejection.TOKEN_TOO_LARGE, rejectionOf("a.b." + "c".repeat(MAX - 3)));
  }

  @Test
  void whenOverTheLimitThenTooLargeEvenBeforeTheCharactersAreLookedAt() {
    assertEquals(Rejection.TOKEN_TOO_LARGE, rejectionOf("!".repeat(MAX + 1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b.c.d",
        "a.b.c ",
        "a\tb.c.d",
        "a!b.c.d",
        "a,b.c.d",
        "\"a.b.c\"",
        "=a.b.c",
        "a=b.c.d",
        "===",
        "\u00e1.b.c",
      })
  void whenACharacterIsOutsideB64TokenThenTheCredentialIsMalformed(String token) {
    assertEquals(Rejection.MALFORMED_AUTHORIZATION, rejectionOf(token));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a.b",
        "a.b.c.d",
        "a.b.c.d.e",
        "a..c",
        ".b.c",
        "a.b.",
        "a.b.c=",
        "a.b.c==",
        "a+b.c.d",
        "a/b.c.d",
        "a~b.c.d",
        "...",
      })
  void whenB64TokenButNotAJwsCompactSerializationThenTheTokenIsMalformed(String token) {
    assertEquals(Rejection.MALFORMED_TOKEN, rejectionOf(token));
  }

  @Test
  void everyCharacterIsClassifiedAsTheRfcsSayWhereverItStands() {
    String run = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLM-_";
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String one = String.valueOf(c);
      String name = "U+" + Integer.toHexString(c);
      // "a=" is a b64token too: padding may end one (RFC 6750 section 2.1)
      boolean b64token = one.matches("[A-Za-z0-9._~+/=-]");
      boolean base64url = one.matches("[A-Za-z0-9_-]");

      assertEquals(b64token, TokenSyntax.isB64Token("a" + c), "b64token, last: " + name);
      assertEquals(
          b64token && c != '=',
          TokenSyntax.isB64Token(run + c + run + "=="),
          "b64token, inside: " + name);
      assertEquals(base64url, TokenSyntax.isCompactJws(c + "a.b.c"), "first segment: " + name);
      assertEquals(
          base64url,
          TokenSyntax.isCompactJws("a." + run + c + run + ".c"),
          "inside a long segment: " + name);
      assertEquals(base64url, TokenSyntax.isCompactJws("a.b.c" + c), "last segment: " + name);
    }
  }

  @Test
  void aCompactJweHasFiveSegmentsOfWhichOnlyTheEncryptedKeyMayBeEmpty() {
    assertTrue(TokenSyntax.isCompactJwe("h.k.i.c.t"));
    assertTrue(TokenSyntax.isCompactJwe("h..i.c.t"), "dir and ECDH-ES send no encrypted key");
    assertFalse(TokenSyntax.isCompactJwe(".k.i.c.t"));
    assertFalse(TokenSyntax.isCompactJwe("h.k..c.t"));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i..t"));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i.c."));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i.c"));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i.c.t.x"));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i+.c.t"));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i.c.t="));
    assertFalse(TokenSyntax.isCompactJwe("h.k.i.c\u00e9.t"));
  }
}
