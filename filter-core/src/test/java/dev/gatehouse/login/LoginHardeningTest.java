package dev.gatehouse.login;

import static dev.gatehouse.login.Browser.location;
import static dev.gatehouse.login.Browser.query;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.login.LoginFlowTest.echo;
import static dev.gatehouse.login.LoginFlowTest.logIn;
import static dev.gatehouse.login.LoginFlowTest.reason;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The attacks on the browser login that the review found: identity headers forged past the pass
 * action, redirect targets taken from a forged {@code Host}, and cross-site {@code POST}s riding on
 * the session cookie.
 */
class LoginHardeningTest {

  private static final String PAGE = "/app/orders";
  private static final String HEADERS_PAGE = "/app/headers/me";

  private static TestClock clock;
  private static LocalOidcProvider provider;
  private static TestTokens tokens;

  @BeforeAll
  static void startProvider() {
    clock = new TestClock();
    provider = LocalOidcProvider.start(clock);
    tokens = new TestTokens(provider.issuer());
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  static GatehouseConfigBuilder api() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .clock(clock);
  }

  static LoginConfigBuilder login() {
    return LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
        .loginPaths("/app/*")
        .logoutPath("/app/logout")
        .postLogoutRedirect("/signed-out")
        .audience(AUDIENCE);
  }

  private static HttpRequest.Builder forged(LoginApp app, String path) {
    return HttpRequest.newBuilder(app.uri(path))
        .header("Accept", Browser.NAVIGATION_ACCEPT)
        .header("X-Auth-Subject", "auth0|admin")
        .header("X-Auth-Scopes", "admin")
        .header("X-Auth-Client-Id", "trusted-app");
  }

  private static String challenge(Rejection rejection) {
    return "Bearer realm=\"api\", error=\""
        + rejection.error().orElseThrow().code()
        + "\", error_description=\""
        + rejection.description()
        + "\"";
  }

  /** Issue 13 item 1: every way out of the login filter strips the client's identity headers. */
  @Nested
  class IdentityHeadersOnEveryWayOut {

    @Test
    void whenThePassActionLetsAnAnonymousRequestThroughWithForgedIdentityHeadersThenItIsRefused() {
      try (LoginApp app =
          LoginApp.start(
              api().forwardIdentityHeaders().build(),
              login().unauthenticatedAction(LoginConfig.UnauthenticatedAction.PASS).build())) {
        HttpResponse<String> response = new Browser().send(forged(app, HEADERS_PAGE));

        assertEquals(400, response.statusCode(), response::body);
        assertEquals(
            challenge(Rejection.IDENTITY_HEADER_FROM_CLIENT),
            response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertFalse(response.body().contains("auth0|admin"), response.body());
      }
    }

    @Test
    void whenThePassActionLetsAnAnonymousRequestThroughThenItCarriesNoIdentityHeaders() {
      try (LoginApp app =
          LoginApp.start(
              api().forwardIdentityHeaders().build(),
              login().unauthenticatedAction(LoginConfig.UnauthenticatedAction.PASS).build())) {
        HttpResponse<String> response = new Browser().navigate(app.uri(HEADERS_PAGE));

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("", echo(response).get("names"));
        assertEquals("null", echo(response).get("single.X-Auth-Subject"));
      }
    }

    @Test
    void whenThePassActionMeetsADenyRuleThenTheAnonymousRequestIsRefused() {
      try (LoginApp app =
          LoginApp.start(
              api().pathRules(PathRules.builder().rule("* /app/internal/* deny").build()).build(),
              login().unauthenticatedAction(LoginConfig.UnauthenticatedAction.PASS).build())) {
        HttpResponse<String> response = new Browser().navigate(app.uri("/app/internal/x"));

        assertEquals(403, response.statusCode(), response::body);
        assertEquals(
            challenge(Rejection.PATH_DENIED),
            response.headers().firstValue("WWW-Authenticate").orElse(""));
      }
    }

    @Test
    void whenThePassActionMeetsAScopeRuleThenTheAnonymousRequestGetsTheBareChallenge() {
      try (LoginApp app =
          LoginApp.start(
              api()
                  .pathRules(
                      PathRules.builder()
                          .rule("* /app/admin/* scopes=admin")
                          .rule("* /app/* authenticated")
                          .build())
                  .build(),
              login().unauthenticatedAction(LoginConfig.UnauthenticatedAction.PASS).build())) {
        HttpResponse<String> admin = new Browser().navigate(app.uri("/app/admin/x"));
        HttpResponse<String> page = new Browser().navigate(app.uri(PAGE));

        assertEquals(401, admin.statusCode(), admin::body);
        assertEquals(
            "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
            admin.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(200, page.statusCode(), "only a token's presence is asked: anonymous passes");
      }
    }

    @Test
    void whenASignedInSessionSendsForgedIdentityHeadersThenItIsRefusedAndStaysSignedIn() {
      try (LoginApp app = LoginApp.start(api().forwardIdentityHeaders().build(), login().build())) {
        Browser browser = new Browser();
        logIn(browser, app, HEADERS_PAGE);

        HttpResponse<String> forgedCall = browser.send(forged(app, HEADERS_PAGE));
        HttpResponse<String> ownCall = browser.navigate(app.uri(HEADERS_PAGE));

        assertEquals(400, forgedCall.statusCode(), forgedCall::body);
        assertEquals(200, ownCall.statusCode(), "the refusal does not end the login");
        assertEquals(SUBJECT, echo(ownCall).get("single.X-Auth-Subject"));
      }
    }
  }

  /** Issue 13 item 11: the redirect targets never come from a Host the filter does not trust. */
  @Nested
  class HostHeader {

    private static String reasonIn(RawRequest.Answer answer) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(answer.body());
      return m.find() ? m.group(1) : "none in: " + answer.body();
    }

    @Test
    void whenTheHostHeaderNamesAnotherSiteThenNoLoginIsStartedWithItsRedirectUri() {
      try (LoginApp app = LoginApp.start(api().build(), login().build())) {
        RawRequest.Answer answer =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "evil.example")
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("untrusted_host", reasonIn(answer));
        assertNull(answer.header("Location"));
      }
    }

    @Test
    void whenTheHostHeaderNamesAnotherSiteThenLogoutDoesNotSendTheBrowserThere() {
      try (LoginApp app = LoginApp.start(api().build(), login().build())) {
        Browser browser = new Browser();
        logIn(browser, app, PAGE);

        RawRequest.Answer answer =
            RawRequest.post(LoginApp.CONTEXT + "/app/logout")
                .header("Host", "evil.example")
                .header("Origin", "http://evil.example")
                .header("Cookie", "JSESSIONID=" + browser.sessionId().orElseThrow())
                .send(app.port());

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("untrusted_host", reasonIn(answer));
        assertNull(answer.header("Location"));
        assertEquals(200, browser.navigate(app.uri(PAGE)).statusCode(), "still signed in");
      }
    }

    @Test
    void whenTheHostIsALoopbackNameThenItsOwnOriginIsUsed() {
      try (LoginApp app = LoginApp.start(api().build(), login().build())) {
        RawRequest.Answer answer =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "localhost:" + app.port())
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());

        assertEquals(302, answer.status(), answer::toString);
        assertEquals(
            "http://localhost:" + app.port() + LoginApp.CONTEXT + "/app/callback",
            query(URI.create(answer.header("Location"))).get("redirect_uri"));
      }
    }

    @Test
    void whenTheHostIsInTheAllowedListThenItsOriginIsUsedAndOthersAreRefused() {
      try (LoginApp app =
          LoginApp.start(api().build(), login().allowedHosts("app.example.test").build())) {
        RawRequest.Answer allowed =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "APP.example.test")
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());
        RawRequest.Answer otherPort =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "app.example.test:8443")
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());
        RawRequest.Answer loopback =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "127.0.0.1:" + app.port())
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());

        assertEquals(302, allowed.status(), allowed::toString);
        assertEquals(
            "http://app.example.test" + LoginApp.CONTEXT + "/app/callback",
            query(URI.create(allowed.header("Location"))).get("redirect_uri"));
        assertEquals(400, otherPort.status(), "a listed name without a port means the default one");
        assertEquals(400, loopback.status(), "with a list, only the list");
      }
    }

    @Test
    void whenThePublicBaseUrlIsSetThenTheHostHeaderIsNotUsed() {
      try (LoginApp app =
          LoginApp.start(
              api().build(),
              login().publicBaseUrl(URI.create("https://app.example.com")).build())) {
        RawRequest.Answer answer =
            RawRequest.get(LoginApp.CONTEXT + PAGE)
                .header("Host", "evil.example")
                .header("Accept", Browser.NAVIGATION_ACCEPT)
                .send(app.port());

        assertEquals(302, answer.status(), answer::toString);
        assertEquals(
            "https://app.example.com" + LoginApp.CONTEXT + "/app/callback",
            query(URI.create(answer.header("Location"))).get("redirect_uri"));
      }
    }
  }

  /** Issue 13 item 12: state-changing requests that rest on the session must be same-origin. */
  @Nested
  class CrossSitePosts {

    private static LoginApp app;

    @BeforeAll
    static void start() {
      app = LoginApp.start(api().build(), login().build());
    }

    @AfterAll
    static void stop() {
      app.close();
    }

    private HttpResponse<String> post(Browser browser, String path, Map<String, String> headers) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(app.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
      headers.forEach(request::header);
      return browser.send(request);
    }

    private Browser signedIn() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      return browser;
    }

    private void assertRefusedAndStillSignedIn(Browser browser, HttpResponse<String> response) {
      assertEquals(403, response.statusCode(), response::body);
      assertEquals("cross_site_request", reason(response));
      assertTrue(response.headers().firstValue("Location").isEmpty());
      assertEquals(200, browser.navigate(app.uri(PAGE)).statusCode(), "still signed in");
    }

    @Test
    void whenAnotherSitePostsToLogoutThenItIsRefusedAndTheSessionLives() {
      Browser browser = signedIn();

      HttpResponse<String> response =
          post(browser, "/app/logout", Map.of("Origin", "https://evil.example"));

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenTheBrowserSaysCrossSiteWithoutAnOriginThenLogoutIsRefused() {
      Browser browser = signedIn();

      HttpResponse<String> response =
          post(browser, "/app/logout", Map.of("Sec-Fetch-Site", "cross-site"));

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenASiblingSiteOfTheSameSitePostsToLogoutThenItIsRefused() {
      Browser browser = signedIn();

      HttpResponse<String> response =
          post(browser, "/app/logout", Map.of("Sec-Fetch-Site", "same-site"));

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenTheOriginIsNullThenLogoutIsRefused() {
      Browser browser = signedIn();

      HttpResponse<String> response = post(browser, "/app/logout", Map.of("Origin", "null"));

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenNeitherOriginNorSecFetchSiteIsSentThenLogoutIsRefused() {
      Browser browser = signedIn();

      HttpResponse<String> response = post(browser, "/app/logout", Map.of());

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenTheOriginIsTheApplicationsOwnThenLogoutProceeds() {
      Browser browser = signedIn();

      HttpResponse<String> response =
          post(
              browser,
              "/app/logout",
              Map.of("Origin", app.origin(), "Sec-Fetch-Site", "same-origin"));

      assertEquals(303, response.statusCode(), response::body);
      assertTrue(location(response).toString().startsWith(provider.uri("/oidc/logout").toString()));
    }

    @Test
    void whenOnlySecFetchSiteSaysSameOriginThenLogoutProceeds() {
      Browser browser = signedIn();

      HttpResponse<String> response =
          post(browser, "/app/logout", Map.of("Sec-Fetch-Site", "same-origin"));

      assertEquals(303, response.statusCode(), response::body);
    }

    @Test
    void whenAnotherSitePostsToTheApplicationWithTheSessionThenItIsRefused() {
      Browser browser = signedIn();

      HttpResponse<String> response = post(browser, PAGE, Map.of("Origin", "https://evil.example"));

      assertRefusedAndStillSignedIn(browser, response);
    }

    @Test
    void whenTheApplicationsOwnPagePostsWithTheSessionThenItIsLetThrough() {
      Browser browser = signedIn();

      HttpResponse<String> response = post(browser, PAGE, Map.of("Origin", app.origin()));

      assertEquals(200, response.statusCode(), response::body);
      assertEquals(SUBJECT, echo(response).get("principal"));
    }

    @Test
    void whenAnotherSitesPageCallsWithItsOwnBearerTokenThenNoOriginCheckApplies() {
      HttpResponse<String> response =
          post(
              new Browser(),
              PAGE,
              Map.of(
                  "Origin",
                  "https://other.example",
                  "Authorization",
                  "Bearer " + tokens.validAt(clock.instant()).build()));

      assertEquals(200, response.statusCode(), "a bearer token is not sent by the browser itself");
    }
  }
}
