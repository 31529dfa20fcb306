package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256ChallengeWhenRfc7636AppendixBVerifierThenItsPublishedChallenge() {
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void randomValueWhenDrawnThen43Base64UrlCharactersAsRfc7636Asks() {
    String value = Pkce.randomValue();

    assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
    assertNotEquals(value, Pkce.randomValue());
  }

  @Test
  void sameValueWhenEqualThenTrueOtherwiseFalseIncludingNull() {
    assertTrue(Pkce.sameValue("abc", "abc"));
    assertFalse(Pkce.sameValue("abc", "abd"));
    assertFalse(Pkce.sameValue("abc", "ab"));
    assertFalse(Pkce.sameValue("abc", null));
    assertFalse(Pkce.sameValue(null, "abc"));
  }
}
