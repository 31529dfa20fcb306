package dev.gatehouse.authz;

import static dev.gatehouse.authz.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule text, first-match order, the default, and CORS preflight. */
class PathRulesTest {

  private static final String RULES =
      """
      # orders
      GET,HEAD /api/orders/* scopes=read:orders
      POST     /api/orders   any=write:orders,admin
      *        /health       public
      *        /internal/*   deny
      *        /api/*        authenticated
      """;

  private static String failure(String text) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> PathRules.builder().rules(text, "gatehouse.rules"))
        .getMessage();
  }

  @Nested
  class DpopOption {

    @ParameterizedTest
    @CsvSource({"off, OFF", "allowed, ALLOWED", "required, REQUIRED", "Required, REQUIRED"})
    void whenARuleEndsWithADpopModeThenItsAccessCarriesIt(String word, DpopMode mode) {
      PathRules rules =
          PathRules.builder().rule("POST /api/pay/* scopes=pay, admin dpop=" + word).build();

      Access access = rules.decide(request("POST", "/api/pay/1"));

      assertEquals(mode, access.dpop().orElseThrow());
      assertEquals(Set.of("pay", "admin"), access.scopes());
      assertEquals("scopes=pay,admin dpop=" + mode.word(), access.toString());
    }

    @Test
    void whenARuleSaysNothingAboutDpopThenTheFiltersDefaultApplies() {
      PathRules rules = PathRules.builder().rule("GET /a authenticated").build();

      assertTrue(rules.decide(request("GET", "/a")).dpop().isEmpty());
    }

    @Test
    void whenTheModeIsUnknownThenTheErrorSaysTheThreeWords() {
      assertEquals(
          "gatehouse.rules line 1: 'GET /a authenticated dpop=maybe': 'maybe' must be off,"
              + " allowed or required",
          failure("GET /a authenticated dpop=maybe"));
    }

    @Test
    void whenAPublicOrDenyRuleNamesADpopModeThenItIsRefusedAsMeaningless() {
      assertEquals(
          "gatehouse.rules line 1: '* /health public dpop=required': dpop= applies only to rules"
              + " that need a token, not to 'public'",
          failure("* /health public dpop=required"));
      assertThrows(IllegalArgumentException.class, () -> Access.deny().withDpop(DpopMode.OFF));
    }

    @ParameterizedTest
    @CsvSource({"on, true", "off, false", "ON, true"})
    void whenARuleNamesANoncePolicyThenItsAccessCarriesIt(String word, boolean required) {
      PathRules rules =
          PathRules.builder()
              .rule("GET /api/pay/* authenticated dpop=required nonce=" + word)
              .build();

      Access access = rules.decide(request("GET", "/api/pay/1"));

      assertEquals(required, access.dpopNonce().orElseThrow());
      assertEquals(
          "authenticated dpop=required nonce=" + (required ? "on" : "off"), access.toString());
      assertTrue(
          PathRules.builder()
              .rule("GET /a authenticated")
              .build()
              .decide(request("GET", "/a"))
              .dpopNonce()
              .isEmpty());
    }

    @Test
    void whenTheNoncePolicyIsUnknownOrOnAPublicRuleThenTheLineIsRefused() {
      assertEquals(
          "gatehouse.rules line 1: 'GET /a authenticated nonce=maybe': 'maybe' must be on or off",
          failure("GET /a authenticated nonce=maybe"));
      assertEquals(
          "gatehouse.rules line 1: '* /health public nonce=on': nonce= applies only to rules"
              + " that need a token, not to 'public'",
          failure("* /health public nonce=on"));
      assertThrows(IllegalArgumentException.class, () -> Access.deny().withDpopNonce(true));
    }

    @Test
    void whenTwoRulesDifferOnlyInTheirNoncePolicyThenTheyAreDifferentAccess() {
      Access on = Access.authenticated().withDpopNonce(true);

      assertTrue(!on.equals(Access.authenticated().withDpopNonce(false)));
      assertEquals(on, Access.authenticated().withDpopNonce(true));
      assertEquals(on.hashCode(), Access.authenticated().withDpopNonce(true).hashCode());
    }

    @Test
    void whenTwoRulesDifferOnlyInTheirDpopModeThenTheyAreDifferentAccess() {
      Access required = Access.authenticated().withDpop(DpopMode.REQUIRED);

      assertTrue(!required.equals(Access.authenticated()));
      assertEquals(required, Access.authenticated().withDpop(DpopMode.REQUIRED));
      assertEquals(
          required.hashCode(), Access.authenticated().withDpop(DpopMode.REQUIRED).hashCode());
    }
  }

  @Nested
  class Matching {

    private final PathRules rules = PathRules.builder().rules(RULES, "gatehouse.rules").build();

    @ParameterizedTest
    @CsvSource({
      "GET, /api/orders/7, scopes=read:orders",
      "HEAD, /api/orders, scopes=read:orders",
      "POST, /api/orders, 'any=write:orders,admin'",
      "POST, /api/orders/7, authenticated",
      "DELETE, /health, public",
      "GET, /internal/metrics, deny",
      "get, /api/orders/7, authenticated",
      "GET, /elsewhere, authenticated"
    })
    void whenSeveralRulesCouldMatchThenTheFirstWins(String method, String path, String access) {
      assertEquals(access, rules.decide(request(method, path)).toString());
    }

    @Test
    void whenARuleCoversGetThenItCoversHeadToo() {
      PathRules getOnly =
          PathRules.builder()
              .rule("GET /api/orders scopes=read:orders")
              .rule("* /api/* authenticated")
              .build();

      assertEquals("scopes=read:orders", getOnly.decide(request("HEAD", "/api/orders")).toString());
      assertEquals("authenticated", getOnly.decide(request("OPTIONS", "/api/orders")).toString());
    }

    @Test
    void whenARuleCoversHeadOnlyThenGetIsNotCovered() {
      PathRules headOnly = PathRules.builder().rule("HEAD /api/orders public").build();

      assertEquals(
          Access.Kind.AUTHENTICATED, headOnly.decide(request("GET", "/api/orders")).kind());
    }

    @Test
    void whenThePathComesAsServletPathAndPathInfoThenBothAreMatched() {
      assertEquals(
          "scopes=read:orders",
          rules.decide(request("GET", "/api", "/orders/7", Map.of())).toString());
    }

    @Test
    void whenNoRuleMatchesThenTheDefaultDecides() {
      PathRules deny =
          PathRules.builder()
              .rule("* /health public")
              .otherwise("deny", "gatehouse.rules.default")
              .build();

      assertEquals(Access.Kind.DENY, deny.decide(request("GET", "/anything")).kind());
      assertEquals(Access.Kind.PUBLIC, deny.decide(request("GET", "/health")).kind());
    }

    @Test
    void whenNoRulesAreConfiguredThenEveryRequestNeedsAToken() {
      assertEquals(Access.Kind.AUTHENTICATED, PathRules.none().decide(request("GET", "/")).kind());
    }
  }

  @Nested
  class OneReadingOfThePath {

    private final PathRules rules =
        PathRules.builder()
            .rule("* /api/secret deny")
            .rule("* /api/admin/* scopes=admin")
            .rule("* /api/public/* public")
            .rule("* /Docs/* public")
            .rule("* /docs/* public")
            .build();

    private Access decide(String path) {
      return rules.decide(request("GET", path));
    }

    private void assertAmbiguous(String path) {
      BearerTokenException e = assertThrows(BearerTokenException.class, () -> decide(path));
      assertEquals(Rejection.AMBIGUOUS_PATH, e.rejection(), path);
    }

    @Test
    void whenAPathEndsWithASlashThenTheRuleForThePathWithoutItDecides() {
      assertEquals(Access.Kind.DENY, decide("/api/secret/").kind());
      assertEquals("scopes=admin", decide("/api/admin/").toString());
    }

    @Test
    void whenTheCaseDiffersFromARuleThatWouldDecideOtherwiseThenThePathIsAmbiguous() {
      assertAmbiguous("/API/secret");
      assertAmbiguous("/api/Secret/");
      assertAmbiguous("/api/ADMIN/users");
      assertAmbiguous("/API/public/page");
    }

    @Test
    void whenEveryRuleThatMatchesInAnyCaseAsksTheSameThenCaseIsNoReasonToRefuse() {
      assertEquals(Access.Kind.PUBLIC, decide("/docs/x").kind());
      assertEquals(Access.Kind.PUBLIC, decide("/Docs/x").kind());
      assertEquals(Access.Kind.AUTHENTICATED, decide("/elsewhere").kind());
      assertEquals(Access.Kind.AUTHENTICATED, decide("/ELSEWHERE").kind());
    }

    @Test
    void whenARuleDoesNotCoverTheMethodThenItsCaseDoesNotMatterEither() {
      PathRules postOnly = PathRules.builder().rule("POST /api/secret deny").build();

      assertEquals(
          Access.Kind.AUTHENTICATED, postOnly.decide(request("GET", "/API/secret")).kind());
    }

    @Test
    void whenTheRawPathIsAmbiguousThenItIsRefusedBeforeAPreflightOrAnyRule() {
      PathRules open = PathRules.builder().rule("* /* public").permitCorsPreflight().build();
      Map<String, String> preflight =
          Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "GET");

      BearerTokenException e =
          assertThrows(
              BearerTokenException.class,
              () -> open.decide(request("OPTIONS", "/api/../x", null, preflight)));
      assertEquals(Rejection.AMBIGUOUS_PATH, e.rejection());
      assertThrows(
          BearerTokenException.class, () -> PathRules.none().decide(request("GET", "/a//b")));
    }

    @Test
    void whenTheContainerCannotTellTheServletPathThenTheRequestIsRefusedNotPassed() {
      // Jetty 12 throws so from getServletPath() for an ambiguous URI it was told to let in.
      HttpServletRequest undecidable =
          (HttpServletRequest)
              java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {HttpServletRequest.class},
                  (proxy, m, args) ->
                      switch (m.getName()) {
                        case "getRequestURI" -> "/api/a%2Fb";
                        case "getMethod" -> "GET";
                        case "getServletPath" ->
                            throw new IllegalArgumentException("Ambiguous URI encoding");
                        default -> throw new UnsupportedOperationException(m.getName());
                      });
      PathRules legacy =
          PathRules.builder()
              .rule("* /api/public/* public")
              .requestPaths(RequestPaths.allowing(List.of(PathAmbiguity.ENCODED_SLASH)))
              .build();

      BearerTokenException e =
          assertThrows(BearerTokenException.class, () -> legacy.decide(undecidable));
      assertEquals(Rejection.AMBIGUOUS_PATH, e.rejection());
    }

    @Test
    void whenRulesArePrintedThenTheAllowedAmbiguitiesShow() {
      PathRules legacy =
          PathRules.builder()
              .requestPaths(RequestPaths.allowing(List.of(PathAmbiguity.ENCODED_SLASH)))
              .build();

      assertEquals(
          "PathRules[] otherwise authenticated, RequestPaths allowing [ENCODED_SLASH]",
          legacy.toString());
    }
  }

  @Nested
  class CorsPreflight {

    private final Map<String, String> preflight =
        Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "POST");

    @Test
    void whenPermittedThenAPreflightIsPublicBeforeAnyRule() {
      PathRules rules = PathRules.builder().rule("* /api/* deny").permitCorsPreflight().build();

      assertEquals(
          Access.Kind.PUBLIC, rules.decide(request("OPTIONS", "/api/x", null, preflight)).kind());
    }

    @Test
    void whenPermittedThenAnOptionsRequestThatIsNoPreflightStillFollowsTheRules() {
      PathRules rules = PathRules.builder().rule("* /api/* deny").permitCorsPreflight().build();

      assertEquals(Access.Kind.DENY, rules.decide(request("OPTIONS", "/api/x")).kind());
      assertEquals(
          Access.Kind.DENY,
          rules.decide(request("OPTIONS", "/api/x", null, Map.of("Origin", "https://a"))).kind());
    }

    @Test
    void whenNotPermittedThenAPreflightFollowsTheRules() {
      PathRules rules = PathRules.builder().rule("* /api/* deny").build();

      assertEquals(
          Access.Kind.DENY, rules.decide(request("OPTIONS", "/api/x", null, preflight)).kind());
    }
  }

  @Nested
  class Syntax {

    @Test
    void whenALineIsNotARuleThenTheErrorNamesTheSourceTheLineNumberAndTheLine() {
      String message = failure("GET /a public\n\n# fine\nGET /b scops=read\n");

      assertEquals(
          "gatehouse.rules line 4: 'GET /b scops=read': unknown access 'scops=read': expected"
              + " public, authenticated, deny, scopes=a,b or any=a,b",
          message);
    }

    @Test
    void whenAMethodIsLowerCaseThenTheErrorSaysHowToWriteIt() {
      assertTrue(failure("get /a public").endsWith("HTTP methods are case-sensitive: write GET"));
    }

    @Test
    void whenAPartIsMissingThenTheErrorShowsTheExpectedShape() {
      assertEquals(
          "gatehouse.rules line 1: '/a public': expected METHODS PATTERN ACCESS, e.g."
              + " 'GET /orders/* scopes=read:orders'",
          failure("/a public"));
    }

    @Test
    void whenThePatternIsAntStyleThenTheErrorQuotesTheLine() {
      assertTrue(
          failure("* /api/** authenticated")
              .startsWith("gatehouse.rules line 1: '* /api/** authenticated': '/api/**' is not"));
    }

    @Test
    void whenScopesAreListedWithSpacesAfterCommasThenTheyStillCount() {
      PathRules rules = PathRules.builder().rule("GET /a scopes=read, write").build();

      assertEquals(Set.of("read", "write"), rules.rules().get(0).access().scopes());
    }

    @Test
    void whenARuleAsksForStepUpThenItsAcrValuesKeepTheirOrderAndItsMaxAgeIsInSeconds() {
      Access access =
          PathRules.builder()
              .rule("GET /a scopes=read, write acr=b, a max-age=5m")
              .build()
              .rules()
              .get(0)
              .access();

      assertEquals(Set.of("read", "write"), access.scopes());
      assertEquals(List.of("b", "a"), access.stepUp().acrValues());
      assertEquals(Duration.ofMinutes(5), access.stepUp().maxAge());
      assertEquals("scopes=read,write acr=b,a max-age=300s", access.toString());
    }

    @Test
    void whenStepUpIsWrittenTwiceOrOnARuleWithoutATokenThenTheLineIsRefused() {
      assertEquals(
          "rule: 'GET /a authenticated acr=a acr=b': unexpected 'acr=b' after the access:"
              + " expected acr=a,b, max-age=5m, dpop=MODE or nonce=on|off, once each",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> PathRules.builder().rule("GET /a authenticated acr=a acr=b"))
              .getMessage());
      assertEquals(
          "rule: 'GET /a public max-age=1m': acr and max-age apply only to a rule that needs a"
              + " token",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> PathRules.builder().rule("GET /a public max-age=1m"))
              .getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> PathRules.builder().rule("GET /a authenticated max-age=500ms"));
      assertThrows(
          IllegalArgumentException.class,
          () -> PathRules.builder().rule("GET /a authenticated acr="));
      assertThrows(
          IllegalArgumentException.class,
          () -> PathRules.builder().rule("GET /a authenticated acr=\"quoted\""));
    }

    @Test
    void whenTwoRulesDifferOnlyInStepUpThenTheirAccessDiffers() {
      var rules =
          PathRules.builder()
              .rule("GET /a authenticated")
              .rule("GET /b authenticated acr=x")
              .build()
              .rules();

      assertNotEquals(rules.get(0).access(), rules.get(1).access());
      assertEquals(Access.authenticated(), rules.get(0).access());
    }

    @Test
    void whenANumberedRuleIsBadThenTheErrorNamesItsKey() {
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> PathRules.builder().rule("GET /a any=", "gatehouse.rules.20"))
              .getMessage();

      assertEquals("gatehouse.rules.20: 'GET /a any=': 'any=' names no scope", message);
    }

    @Test
    void whenTheDefaultIsNotOneOfTheThreeThenTheErrorNamesIt() {
      String message =
          assertThrows(
                  IllegalArgumentException.class,
                  () -> PathRules.builder().otherwise("scopes=a", "gatehouse.rules.default"))
              .getMessage();

      assertEquals(
          "gatehouse.rules.default: 'scopes=a' must be authenticated, permit or deny", message);
    }

    @Test
    void whenRulesArePrintedThenTheyReadAsTheyWereWritten() {
      PathRules rules = PathRules.builder().rules(RULES, "r").build();

      assertEquals("GET,HEAD /api/orders/* scopes=read:orders", rules.rules().get(0).toString());
      assertEquals("* /health public", rules.rules().get(2).toString());
    }
  }

  @Nested
  class Scopes {

    private final AccessToken token =
        AccessToken.builder()
            .issuer("https://issuer.example/")
            .expiresAt(Instant.now().plusSeconds(60))
            .scopes(Set.of("read:orders"))
            .build();

    @Test
    void whenAllScopesAreNeededAndOneIsMissingThenTheRefusalNamesAll() {
      BearerTokenException e =
          assertThrows(
              BearerTokenException.class,
              () -> Access.allScopes("read:orders", "write:orders").check(token));

      assertEquals(Rejection.INSUFFICIENT_SCOPE, e.rejection());
      assertEquals(Set.of("read:orders", "write:orders"), e.requiredScopes());
    }

    @Test
    void whenAnyScopeWillDoThenOneIsEnoughAndTheRefusalNamesTheAlternatives() {
      Access.anyScope("admin", "read:orders").check(token);
      BearerTokenException e =
          assertThrows(
              BearerTokenException.class, () -> Access.anyScope("admin", "root").check(token));

      assertEquals(Set.of("admin", "root"), e.requiredScopes());
    }
  }
}
