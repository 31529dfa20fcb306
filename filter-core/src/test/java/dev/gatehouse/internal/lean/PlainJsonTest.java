package dev.gatehouse.internal.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainJson} may only ever be undecided or give exactly what jose4j's parser gives: the same
 * values, of the same Java types, in the same order; it never refuses. {@link StrictJson} must
 * agree with {@code JsonUtil.parseJson} on every input.
 */
class PlainJsonTest {

  /** jose4j's answer: the map, or null when it refuses the text. */
  private static Map<String, Object> jose4j(String json) {
    try {
      return JsonUtil.parseJson(json);
    } catch (JoseException e) {
      return null;
    }
  }

  /** Deep description with the Java type of every value, so Long 1 and Double 1.0 differ. */
  private static String typed(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      map.forEach((k, v) -> b.append(k).append('=').append(typed(v)).append(';'));
      return b.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      list.forEach(v -> b.append(typed(v)).append(';'));
      return b.append(']').toString();
    }
    return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
  }

  /** What a reader's verdict says, comparable with {@link #typed}: refused, undecided or values. */
  private static String read(Verdict<Map<String, Object>> verdict) {
    if (verdict instanceof Verdict.Accepted<Map<String, Object>> accepted) {
      return typed(accepted.value());
    }
    return verdict instanceof Verdict.Refused ? "refused" : "undecided";
  }

  private static void assertAgrees(String json) {
    Map<String, Object> expected = jose4j(json);
    Verdict<Map<String, Object>> plain = PlainJson.object(json);
    assertTrue(!(plain instanceof Verdict.Refused), () -> "PlainJson refused: " + json);
    if (plain instanceof Verdict.Accepted) {
      assertTrue(expected != null, () -> "jose4j refuses what PlainJson read: " + json);
      assertEquals(typed(expected), read(plain), json);
    }
    assertEquals(
        expected == null ? "refused" : typed(expected), read(StrictJson.object(json)), json);
  }

  @Test
  void whenTheClaimsArePlainThenTheyAreReadWithoutJose4j() {
    String json =
        "{\"iss\":\"https://i.example/\",\"aud\":[\"a\",\"b\"],\"exp\":1931267666,\"n\":-0,"
            + "\"ok\":true,\"no\":false,\"nil\":null,\"o\":{\"x\":[1,[2,{}]]},\"e\":\"\\u00e9\\n\\/\"}";
    Verdict<Map<String, Object>> plain = PlainJson.object(json);
    assertInstanceOf(Verdict.Accepted.class, plain);
    assertEquals(typed(jose4j(json)), read(plain));
  }

  @Test
  void whenTheTextIsBeyondPlainJsonThenPlainJsonIsUnsure() {
    for (String json :
        List.of(
            "{\"a\":1.5}",
            "{\"a\":1e3}",
            "{\"a\":01}",
            "{\"a\":1234567890123456789}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":null,\"a\":1}",
            "{\"a\":null,\"a\":null}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":\"\\x\"}",
            "{} x",
            "[]",
            "",
            "{\"a\":\"\\u12\"}",
            "{\"a\":tru}",
            "{\"a\":\"\\u00e9\"\f}",
            "{\"a\":"
                + "[".repeat(PlainJson.MAX_DEPTH + 1)
                + "]".repeat(PlainJson.MAX_DEPTH + 1)
                + "}")) {
      assertInstanceOf(Verdict.Undecided.class, PlainJson.object(json), json);
      assertAgrees(json);
    }
  }

  @Test
  void whenANameRepeatsThenStrictJsonRefusesAsJose4jDoes() {
    assertEquals("refused", read(StrictJson.object("{\"a\":1,\"a\":1}")));
    assertEquals("refused", read(StrictJson.object("{\"o\":{\"b\":1,\"b\":2}}")));
    assertEquals("refused", read(StrictJson.object("[1]")));
    assertEquals("refused", read(StrictJson.object("null")));
  }

  private static final String[] PIECES = {
    "\"s\"",
    "\"\"",
    "\"\\\"\"",
    "\"\\\\\"",
    "\"\\/\"",
    "\"\\b\\f\\n\\r\\t\"",
    "\"\\u0041\"",
    "\"\\uD83D\\uDE00\"",
    "\"\\uDC00\"",
    "\"é€😀\"",
    "\"\\u00zz\"",
    "\"\\q\"",
    "0",
    "-0",
    "7",
    "-12",
    "123456789012345678",
    "1234567890123456789",
    "99999999999999999999",
    "01",
    "-",
    "1.0",
    "1e5",
    "1E+5",
    "-1.5e-3",
    "1.",
    ".5",
    "true",
    "false",
    "null",
    "tRue",
    "nul",
    "[]",
    "{}",
    "[1,2]",
    "[1,]",
    "[,1]",
    "{\"k\":1}",
    "{\"k\":1,}",
    "{\"k\"}",
    "{1:2}",
    "NaN",
    "Infinity",
    "\"\u0000\"",
    "\"\n\"",
    "\"\u007f\"",
    "\"\u2028\""
  };
  private static final String INSERTS = "{}[],:\"\\-0e.tn \u0001";
  private static final String[] SPACES = {"", " ", "\t", "\n", "\r", "\f", "\u00a0", "  \n "};

  private static String value(Random random, int depth) {
    int pick = random.nextInt(depth > 4 ? 2 : 5);
    return switch (pick) {
      case 0, 1 -> PIECES[random.nextInt(PIECES.length)];
      case 2 -> {
        StringBuilder b = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
          b.append(k > 0 ? "," : "").append(space(random)).append(value(random, depth + 1));
        }
        yield b.append(space(random)).append(']').toString();
      }
      default -> object(random, depth + 1);
    };
  }

  private static String object(Random random, int depth) {
    StringBuilder b = new StringBuilder("{");
    int n = random.nextInt(5);
    for (int k = 0; k < n; k++) {
      String name = random.nextInt(8) == 0 ? "a" : "k" + random.nextInt(1000);
      b.append(k > 0 ? "," : "")
          .append(space(random))
          .append('"')
          .append(name)
          .append('"')
          .append(space(random))
          .append(':')
          .append(space(random))
          .append(value(random, depth));
    }
    return b.append(space(random)).append('}').toString();
  }

  private static String space(Random random) {
    return random.nextInt(3) == 0 ? SPACES[random.nextInt(SPACES.length)] : "";
  }

  @Test
  void whenRandomDocumentsAndTheirMutantsAreReadThenPlainJsonNeverDisagreesWithJose4j() {
    Random random = new Random(7_2026_1124L);
    int plainRead = 0;
    for (int round = 0; round < 20_000; round++) {
      String json = space(random) + object(random, 0) + space(random);
      if (random.nextInt(3) == 0) {
        StringBuilder mutant = new StringBuilder(json);
        int at = random.nextInt(mutant.length());
        switch (random.nextInt(3)) {
          case 0 -> mutant.deleteCharAt(at);
          case 1 -> mutant.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
          default -> mutant.setLength(at);
        }
        json = mutant.toString();
      }
      assertAgrees(json);
      if (PlainJson.object(json) instanceof Verdict.Accepted) {
        plainRead++;
      }
    }
    assertTrue(plainRead > 2_000, "many generated documents are plain: " + plainRead);
  }
}
