package dev.gatehouse.authz;

import static dev.gatehouse.authz.PathAmbiguity.BACKSLASH;
import static dev.gatehouse.authz.PathAmbiguity.DOT_SEGMENT;
import static dev.gatehouse.authz.PathAmbiguity.EMPTY_SEGMENT;
import static dev.gatehouse.authz.PathAmbiguity.ENCODED_BACKSLASH;
import static dev.gatehouse.authz.PathAmbiguity.ENCODED_PERCENT;
import static dev.gatehouse.authz.PathAmbiguity.ENCODED_PERIOD;
import static dev.gatehouse.authz.PathAmbiguity.ENCODED_SEMICOLON;
import static dev.gatehouse.authz.PathAmbiguity.ENCODED_SLASH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings refused before any rule, and the one path rules are matched against. */
class RequestPathsTest {

  private static HttpServletRequest withUri(String uri) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestPathsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) -> {
              if (m.getName().equals("getRequestURI")) {
                return uri;
              }
              throw new UnsupportedOperationException(m.getName());
            });
  }

  @Nested
  class Ambiguities {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "/app/api/a%2Fb          | ENCODED_SLASH",
          "/app/api/a%2fb          | ENCODED_SLASH",
          "/app/api/a%5cb          | ENCODED_BACKSLASH",
          "/app/api/a\\b           | BACKSLASH",
          "/app/api/secret%3b      | ENCODED_SEMICOLON",
          "/app/api/secret%3B      | ENCODED_SEMICOLON",
          "/app/api/%252e%252e/x   | ENCODED_PERCENT",
          "/app/api/v1%2e2         | ENCODED_PERIOD",
          "/app/api/../secret      | DOT_SEGMENT",
          "/app/api/./secret       | DOT_SEGMENT",
          "/app/api/..             | DOT_SEGMENT",
          "/app/api/..;x=1/secret  | DOT_SEGMENT",
          "/app/api/.;/secret      | DOT_SEGMENT",
          "/app/api//secret        | EMPTY_SEGMENT",
          "/app/api/;x/secret      | EMPTY_SEGMENT",
          "//app/api               | EMPTY_SEGMENT"
        })
    void whenARawPathHoldsOneAmbiguityThenItIsNamed(String raw, PathAmbiguity expected) {
      assertEquals(Set.of(expected), RequestPaths.ambiguitiesIn(raw));
    }

    @Test
    void whenAnEncodedDotSegmentIsSentThenBothTheEscapeAndTheSegmentAreNamed() {
      assertEquals(
          EnumSet.of(ENCODED_PERIOD, DOT_SEGMENT), RequestPaths.ambiguitiesIn("/api/%2e%2E/x"));
      assertEquals(
          EnumSet.of(ENCODED_PERIOD, DOT_SEGMENT), RequestPaths.ambiguitiesIn("/api/.%2e;x/x"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/",
          "",
          "/app",
          "/app/api/secret/",
          "/app/api/secret;jsessionid=abc",
          "/app/api/public;v=1/page",
          "/app/api/%70age",
          "/app/api/caf%C3%A9",
          "/app/api/.hidden",
          "/app/api/...",
          "/app/api/a..b",
          "/app/api/file.tar.gz",
          "/app/api/100%",
          "/app/api/%2"
        })
    void whenARawPathHasOneReadingThenNothingIsNamed(String raw) {
      assertEquals(Set.of(), RequestPaths.ambiguitiesIn(raw));
    }
  }

  @Nested
  class Check {

    @Test
    void whenStrictThenEveryAmbiguityIsRefusedWith400() {
      for (String raw :
          List.of("/a%2fb", "/a%5cb", "/a\\b", "/a%3bb", "/a%25b", "/a%2eb", "/a/../b", "/a//b")) {
        BearerTokenException e =
            assertThrows(
                BearerTokenException.class, () -> RequestPaths.strict().check(withUri(raw)), raw);

        assertEquals(Rejection.AMBIGUOUS_PATH, e.rejection());
        assertEquals(400, e.rejection().status());
      }
    }

    @Test
    void whenOneAmbiguityIsAllowedThenOnlyThatOnePasses() {
      RequestPaths paths = RequestPaths.allowing(List.of(ENCODED_SLASH));

      paths.check(withUri("/api/a%2Fb"));
      assertThrows(BearerTokenException.class, () -> paths.check(withUri("/api/a%2Fb%3b")));
      assertThrows(BearerTokenException.class, () -> paths.check(withUri("/api/../a%2Fb")));
    }

    @Test
    void whenAnEncodedPeriodIsAllowedThenAnEncodedDotSegmentIsStillRefused() {
      RequestPaths paths = RequestPaths.allowing(List.of(ENCODED_PERIOD));

      paths.check(withUri("/api/v1%2e2"));
      assertThrows(BearerTokenException.class, () -> paths.check(withUri("/api/%2e%2e/x")));
    }

    @Test
    void whenTheRequestHasNoUriThenItIsRefused() {
      assertThrows(BearerTokenException.class, () -> RequestPaths.strict().check(withUri(null)));
    }

    @Test
    void whenNothingIsAllowedThenTheStrictInstanceIsUsed() {
      assertEquals(RequestPaths.strict(), RequestPaths.allowing(List.of()));
      assertEquals(
          EnumSet.of(
              BACKSLASH, ENCODED_BACKSLASH, ENCODED_SEMICOLON, ENCODED_PERCENT, EMPTY_SEGMENT),
          RequestPaths.allowing(
                  List.of(
                      BACKSLASH,
                      ENCODED_BACKSLASH,
                      ENCODED_SEMICOLON,
                      ENCODED_PERCENT,
                      EMPTY_SEGMENT))
              .allowed());
    }
  }

  @Nested
  class PathWithinApplication {

    @ParameterizedTest
    @CsvSource({
      "/api/secret, /api/secret",
      "/api/secret/, /api/secret",
      "/, /",
      "'', ''",
      "/api//secret, /api/secret",
      "/api/./secret, /api/secret",
      "/api/x/../secret, /api/secret",
      "/../../secret, /secret",
      "/api/secret//, /api/secret",
      "/api/.hidden/, /api/.hidden",
      "/API/Secret, /API/Secret"
    })
    void whenAPathIsNormalisedThenOnlyItsSpellingChanges(String decoded, String expected) {
      assertEquals(expected, RequestPaths.normalise(decoded));
    }

    @Test
    void whenTheServletPathAndPathInfoAreSplitThenTheyAreJoined() {
      assertEquals(
          "/api/orders/7",
          RequestPaths.pathWithinApplication(Requests.request("GET", "/api", "/orders/7/", null)));
      assertEquals(
          "/api", RequestPaths.pathWithinApplication(Requests.request("GET", "/api", null, null)));
    }
  }

  @Test
  void whenAnAmbiguityIsNamedInTheConfigurationThenItsSettingNameIsUsed() {
    assertEquals(ENCODED_SLASH, PathAmbiguity.named(" Encoded-Slash "));
    assertEquals(DOT_SEGMENT, PathAmbiguity.named("dot-segments"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PathAmbiguity.named("slashes"));
    assertEquals(
        "'slashes' is not one of encoded-slash, encoded-backslash, backslash, encoded-semicolon,"
            + " encoded-percent, encoded-period, dot-segments, empty-segments",
        e.getMessage());
  }
}
