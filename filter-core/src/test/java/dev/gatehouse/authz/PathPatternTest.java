package dev.gatehouse.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Servlet URL patterns (Servlet 6.0 section 12.2) against container-decoded paths. */
class PathPatternTest {

  private static boolean matches(String pattern, String path) {
    return PathPattern.parse(pattern).matches(path);
  }

  @ParameterizedTest
  @CsvSource({
    "/orders/open, /orders/open, true",
    "/orders/open/, /orders/open, true",
    "/orders/open, /orders/OPEN, false",
    "/orders/*, /orders, true",
    "/orders/*, /orders/, true",
    "/orders/*, /orders/1/lines/2, true",
    "/orders/*, /ordersx, false",
    "/orders/*, /order, false",
    "*.pdf, /reports/q1.pdf, true",
    "*.pdf, /q1.pdf, true",
    "*.pdf, /reports.pdf/q1, false",
    "*.pdf, /reports/q1.pdf.txt, false",
    "*.pdf, /reports/q1.PDF, false",
    "/, /anything/at/all, true",
    "/*, /anything, true",
    "/*, '', true"
  })
  void whenMatchedThenServletSemanticsApply(String pattern, String path, boolean expected) {
    assertEquals(expected, matches(pattern, path));
  }

  @ParameterizedTest
  @CsvSource({
    "/orders/open, /ORDERS/open, true",
    "/orders/open, /orders/opened, false",
    "/orders/*, /Orders/1, true",
    "/orders/*, /ORDERSX/1, false",
    "*.pdf, /reports/q1.PDF, true",
    "*.pdf, /reports/q1.pd, false",
    "/secret, /\u017fecret, true",
    "/kid, /\u212aid, true"
  })
  void whenCaseIsIgnoredThenUnicodeFoldingCountsToo(String pattern, String path, boolean expected) {
    assertEquals(expected, PathPattern.parse(pattern).matchesIgnoringCase(path));
  }

  @ParameterizedTest
  @CsvSource({"/a/../b, /b", "/a//b, /a/b", "/a/./b/*, /a/b/*", "/a/b//, /a/b"})
  void whenAPatternHasEmptyOrDotSegmentsThenTheMessageGivesItsNormalForm(
      String pattern, String normal) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));

    assertEquals(
        "'"
            + pattern
            + "' is not a servlet pattern: paths are matched normalised, so write '"
            + normal
            + "'",
        e.getMessage());
  }

  @Test
  void whenAPrefixPatternCoversTheRootThenItMatchesEverything() {
    assertTrue(matches("//*", "/anything"));
  }

  @Test
  void whenTheContextRootPatternIsUsedThenOnlyTheRootMatches() {
    assertTrue(matches("\"\"", ""));
    assertTrue(matches("\"\"", "/"));
    assertFalse(matches("\"\"", "/x"));
    assertEquals("\"\"", PathPattern.parse("").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/**", "api/orders", "/a*b", "/api/*/x", "*.", "*.tar.gz", "*.p/f", "**"})
  void whenNotAServletPatternThenRefusedSayingWhy(String pattern) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));

    assertTrue(e.getMessage().contains("'" + pattern + "'"), e.getMessage());
  }

  @Test
  void whenAntStyleDoubleStarIsWrittenThenTheMessageSaysWhatToWriteInstead() {
    String message =
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/api/**"))
            .getMessage();

    assertTrue(message.contains("'/x/*' already matches every depth"), message);
  }
}
