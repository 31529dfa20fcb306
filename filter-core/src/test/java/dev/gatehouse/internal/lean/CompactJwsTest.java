package dev.gatehouse.internal.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import org.junit.jupiter.api.Test;

/** A token split at its dots once, and the one canonical spelling of every segment. */
class CompactJwsTest {

  // {"alg":"RS256"} . {"sub":"s"} . two bytes
  private static final String HEADER = "eyJhbGciOiJSUzI1NiJ9";
  private static final String PAYLOAD = "eyJzdWIiOiJzIn0";
  private static final String SIGNATURE = "AAE";
  private static final String TOKEN = HEADER + "." + PAYLOAD + "." + SIGNATURE;

  @Test
  void whenTheTokenHasThreeSegmentsThenEachIsFoundFromTheDotsFoundOnce() {
    CompactJws jws = CompactJws.parse(TOKEN);

    assertTrue(jws.isThreeSegments());
    assertEquals(HEADER, jws.headerSegment());
    assertEquals("{\"sub\":\"s\"}", jws.payloadText());
    assertEquals(HEADER.length() + 1 + PAYLOAD.length(), jws.signingInputLength());
    assertEquals(SIGNATURE.length(), jws.lastSegmentLength());
    assertSame(jws, jws.requireCanonical());
  }

  @Test
  void whenTheTokenHasAnotherNumberOfSegmentsThenItIsNotACompactJws() {
    assertFalse(CompactJws.parse(HEADER).isThreeSegments());
    assertFalse(CompactJws.parse(HEADER + "." + PAYLOAD).isThreeSegments());
    assertFalse(CompactJws.parse(TOKEN + "." + SIGNATURE).isThreeSegments());
    assertTrue(CompactJws.parse(TOKEN + "." + SIGNATURE).hasPayload());
    assertEquals(SIGNATURE.length(), CompactJws.parse(TOKEN + ".AAAA").lastSegmentLength() - 1);
  }

  @Test
  void whenAnySegmentIsNotTheCanonicalSpellingThenTheTokenIsMalformed() {
    // "AAF" has a spare low bit set; five characters encode no whole number of bytes.
    for (String token :
        new String[] {
          HEADER + "." + PAYLOAD + ".AAF",
          HEADER + "." + PAYLOAD + ".AAAAA",
          HEADER + "." + PAYLOAD.substring(0, PAYLOAD.length() - 1) + "1." + SIGNATURE,
          HEADER + "B." + PAYLOAD + "." + SIGNATURE,
          HEADER + "." + PAYLOAD + "." + SIGNATURE + ".AAF",
          HEADER + ".AAF",
          "AAF"
        }) {
      BearerTokenException refused =
          assertThrows(
              BearerTokenException.class, () -> CompactJws.parse(token).requireCanonical(), token);
      assertEquals(Rejection.MALFORMED_TOKEN, refused.rejection());
    }
  }
}
