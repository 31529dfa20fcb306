package dev.gatehouse.attacks;

import static dev.gatehouse.testing.Challenges.invalidRequest;
import static dev.gatehouse.testing.Refusals.AMBIGUOUS_PATH;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.testing.GatewayApp;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.RawHttp;
import dev.gatehouse.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Other spellings of a path that a rule names (issue 13 item 9), sent byte for byte over a socket
 * to Jetty 12 with the filter on {@code /*} of {@code /app}. {@code EchoServlet} is also the
 * default servlet there, so a request the filter lets through answers 200 whatever its path: a 200
 * below means the application was reached.
 */
class PathAttacksTest {

  static final String DENIED =
      "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The request is not"
          + " allowed with any access token.\"";
  static final String AMBIGUOUS = invalidRequest(AMBIGUOUS_PATH);

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static GatewayApp app;
  private static String reader;

  @BeforeAll
  static void start() {
    reader =
        "Authorization: Bearer " + new TestTokens(provider.issuer()).valid().scope("read").build();
    app =
        GatewayApp.start(
            config()
                .pathRules(
                    PathRules.builder()
                        .rule("* /api/secret deny")
                        .rule("* /api/admin/* scopes=admin")
                        .rule("* /api/public/* public")
                        .build())
                .build());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  private static void assertRefused(int status, String challenge, RawHttp.Response reply) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals(challenge, reply.challenge(), reply::toString);
  }

  @Nested
  class TheReviewsThreeSpellings {

    @Test
    void whenADeniedPathGetsATrailingSlashThenTheDenyStillHolds() {
      assertRefused(403, DENIED, app.raw("/api/secret/", reader));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/API/secret", "/api/SECRET", "/Api/Secret", "/API/SECRET/"})
    void whenADeniedPathIsWrittenInAnotherCaseThenItIsRefusedAsAmbiguous(String path) {
      assertRefused(400, AMBIGUOUS, app.raw(path, reader));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/secret%3b", "/api/secret%3B", "/api/secret%3bx=1"})
    void whenADeniedPathEndsWithAnEncodedSemicolonThenItIsRefusedBeforeAnyRule(String path) {
      assertRefused(400, AMBIGUOUS, app.raw(path, reader));
    }
  }

  @Nested
  class ScopedPaths {

    @ParameterizedTest
    @ValueSource(strings = {"/API/admin/users", "/api/ADMIN/users", "/api/Admin"})
    void whenAScopedPathIsWrittenInAnotherCaseThenItIsRefusedNotLeftToTheDefault(String path) {
      assertRefused(400, AMBIGUOUS, app.raw(path, reader));
    }

    @Test
    void whenAScopedPathGetsATrailingSlashThenItsScopeIsStillAskedFor() {
      assertEquals(403, app.raw("/api/admin/", reader).status());
    }
  }

  @Nested
  class SpellingsThatClimbOrHide {

    /** Jetty 12's own URI compliance refuses these with 400 before any filter (no challenge). */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api/public/%2e%2e/secret",
          "/api/public/%2E%2E/admin/users",
          "/api/public/.%2e/secret",
          "/api/public/..;/secret",
          "/api/public/..;x=1/secret",
          "/api/public/.;x/page",
          "/api/public//../secret",
          "/api/public/;x/../secret",
          "/api/public/..%2fsecret",
          "/api/public/..%5csecret",
          "/api/public/..\\secret",
          "/api/public/%252e%252e/secret"
        })
    void whenJettyFindsThePathAmbiguousItselfThenItAnswers400(String path) {
      RawHttp.Response reply = app.raw(path);

      assertEquals(400, reply.status(), reply::toString);
    }

    /** Jetty passes these on; the filter refuses them before any rule. */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api/public/../secret",
          "/api/public/./../secret",
          "/api/public;x=1/../secret",
          "/api/public/./page",
          "/api/public/a%3bb",
          "/api/secre%74%3b",
          "/api/public/a%2eb",
          "/api/public/page%2e"
        })
    void whenTheContainerPassesAnAmbiguousPathOnThenTheFilterRefusesIt(String path) {
      assertRefused(400, AMBIGUOUS, app.raw(path, reader));
    }
  }

  @Nested
  class SpellingsThatStayUnambiguous {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api/public/page",
          "/api/public/page/",
          "/api/public/page;jsessionid=abc",
          "/api/public/%70age",
          "/api/public/caf%C3%A9"
        })
    void whenAPublicPathIsSpelledPlainlyThenItPassesWithoutAToken(String path) {
      assertEquals(200, app.raw(path).status(), path);
    }

    @Test
    void whenAPathParameterFollowsADeniedPathThenTheDenyHolds() {
      assertRefused(403, DENIED, app.raw("/api/secret;jsessionid=abc", reader));
    }
  }

  @Nested
  class LegacyApplications {

    @Test
    void whenAnAmbiguityIsAllowedByNameThenOnlyThatOneReachesTheRules() {
      Map<String, String> params =
          Map.of(
              "gatehouse.issuer", provider.issuer(),
              "gatehouse.audiences", AUDIENCE,
              "gatehouse.allow-insecure-loopback-http", "true",
              "gatehouse.rules", "* /api/public/* public",
              "gatehouse.allow-ambiguous-paths", "encoded-period");
      try (GatewayApp legacy = GatewayApp.startWithInitParams(params)) {
        assertEquals(200, legacy.raw("/api/public/v1%2e2").status());
        assertRefused(400, AMBIGUOUS, legacy.raw("/api/public/a%3bb"));
        assertRefused(400, AMBIGUOUS, legacy.raw("/api/public/../secret"));
      }
      assertRefused(400, AMBIGUOUS, app.raw("/api/public/v1%2e2"));
    }
  }
}
