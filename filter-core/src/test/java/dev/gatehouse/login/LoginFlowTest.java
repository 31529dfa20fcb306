package dev.gatehouse.login;

import static dev.gatehouse.login.Browser.location;
import static dev.gatehouse.login.Browser.query;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.outbound.ClientAuthentication;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The browser login end to end over HTTP on 127.0.0.1: the filter in Jetty, a local provider, and a
 * cookie-keeping client that follows each redirect by hand.
 */
class LoginFlowTest {

  private static final String PAGE = "/app/orders?sort=new&x=%2F";

  private static TestClock clock;
  private static LocalOidcProvider provider;
  private static LoginApp app;
  private static TestTokens tokens;

  @BeforeAll
  static void start() {
    clock = new TestClock();
    provider = LocalOidcProvider.start(clock);
    tokens = new TestTokens(provider.issuer());
    app = LoginApp.start(api(), login().build());
  }

  @AfterAll
  static void stop() {
    app.close();
    provider.close();
  }

  @BeforeEach
  void wellBehavedProvider() {
    provider.reset();
  }

  static GatehouseConfig api() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .clock(clock)
        .build();
  }

  static LoginConfigBuilder login() {
    return LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
        .loginPaths("/app/*")
        .logoutPath("/app/logout")
        .postLogoutRedirect("/signed-out")
        .audience(AUDIENCE);
  }

  /**
   * Asks for {@code path}, lets the provider log the user in, and returns the callback's answer.
   */
  static HttpResponse<String> logIn(Browser browser, LoginApp target, String path) {
    HttpResponse<String> toProvider = browser.navigate(target.uri(path));
    assertEquals(302, toProvider.statusCode(), toProvider::toString);
    HttpResponse<String> toCallback = browser.follow(toProvider);
    assertEquals(302, toCallback.statusCode(), toCallback::toString);
    return browser.follow(toCallback);
  }

  static Map<String, String> echo(HttpResponse<String> response) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String line : response.body().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  static String reason(HttpResponse<String> page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("data-reason=\"([a-z_]+)\"").matcher(page.body());
    return m.find() ? m.group(1) : "none in: " + page.body();
  }

  @Nested
  class WhenABrowserArrivesWithoutASession {

    @Test
    void thenItIsRedirectedToTheAuthorizationEndpointWithStateNonceAndS256Challenge() {
      HttpResponse<String> response = new Browser().navigate(app.uri(PAGE));

      assertEquals(302, response.statusCode());
      URI target = location(response);
      assertEquals(provider.uri("/authorize"), URI.create(target.toString().split("\\?")[0]));
      Map<String, String> q = query(target);
      assertEquals("test", q.get("tenant"), "the endpoint's own query is kept");
      assertEquals("code", q.get("response_type"));
      assertEquals(CLIENT_ID, q.get("client_id"));
      assertEquals(app.origin() + LoginApp.CONTEXT + "/app/callback", q.get("redirect_uri"));
      assertEquals("openid profile email", q.get("scope"));
      assertEquals(AUDIENCE, q.get("audience"));
      assertEquals("S256", q.get("code_challenge_method"));
      assertTrue(q.get("state").matches("[A-Za-z0-9_-]{43}"), q.get("state"));
      assertTrue(q.get("nonce").matches("[A-Za-z0-9_-]{43}"), q.get("nonce"));
      assertTrue(q.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), q.get("code_challenge"));
      assertNotEquals(q.get("state"), q.get("nonce"));
      assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void thenTheSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOnPlainHttp() {
      HttpResponse<String> response = new Browser().navigate(app.uri(PAGE));

      String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(cookie.startsWith("JSESSIONID="), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Lax"), cookie);
      assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void thenEachLoginGetsItsOwnStateAndNonce() {
      Map<String, String> first = query(location(new Browser().navigate(app.uri(PAGE))));
      Map<String, String> second = query(location(new Browser().navigate(app.uri(PAGE))));

      assertNotEquals(first.get("state"), second.get("state"));
      assertNotEquals(first.get("nonce"), second.get("nonce"));
      assertNotEquals(first.get("code_challenge"), second.get("code_challenge"));
    }
  }

  @Nested
  class WhenAProgramCallsWithoutAToken {

    @Test
    void thenAnApiCallGets401WithTheBareChallengeNeverARedirect() {
      HttpResponse<String> response =
          new Browser()
              .send(HttpRequest.newBuilder(app.uri(PAGE)).header("Accept", "application/json"));

      assertEquals(401, response.statusCode());
      assertEquals(
          "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
          response.headers().firstValue("WWW-Authenticate").orElse(""));
      assertTrue(response.headers().firstValue("Location").isEmpty());
      assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "no session is created");
    }

    @Test
    void thenAnXhrAcceptingHtmlGets401() {
      HttpResponse<String> response =
          new Browser()
              .send(
                  HttpRequest.newBuilder(app.uri(PAGE))
                      .header("Accept", Browser.NAVIGATION_ACCEPT)
                      .header("X-Requested-With", "XMLHttpRequest"));

      assertEquals(401, response.statusCode());
    }

    @Test
    void thenAFetchThatIsNotANavigationGets401() {
      HttpResponse<String> response =
          new Browser()
              .send(
                  HttpRequest.newBuilder(app.uri(PAGE))
                      .header("Accept", "text/html")
                      .header("Sec-Fetch-Mode", "cors"));

      assertEquals(401, response.statusCode());
    }

    @Test
    void thenAPostAcceptingHtmlGets401() {
      HttpResponse<String> response =
          new Browser()
              .send(
                  HttpRequest.newBuilder(app.uri(PAGE))
                      .header("Accept", Browser.NAVIGATION_ACCEPT)
                      .POST(HttpRequest.BodyPublishers.ofString("a=b")));

      assertEquals(401, response.statusCode());
    }

    @Test
    void thenAValidBearerTokenIsEnoughWithoutASession() {
      HttpResponse<String> response =
          new Browser()
              .send(
                  HttpRequest.newBuilder(app.uri(PAGE))
                      .header(
                          "Authorization", "Bearer " + tokens.validAt(clock.instant()).build()));

      assertEquals(200, response.statusCode());
      assertEquals(SUBJECT, echo(response).get("principal"));
    }
  }

  @Nested
  class WhenTheLoginCompletes {

    @Test
    void thenTheBrowserReturnsToTheRequestedPageWithANewSessionId() {
      Browser browser = new Browser();
      HttpResponse<String> toProvider = browser.navigate(app.uri(PAGE));
      String before = browser.sessionId().orElseThrow();
      HttpResponse<String> callback = browser.follow(browser.follow(toProvider));

      assertEquals(302, callback.statusCode(), callback::toString);
      assertEquals(
          LoginApp.CONTEXT + PAGE, callback.headers().firstValue("Location").orElseThrow());
      String after = browser.sessionId().orElseThrow();
      assertNotEquals(before, after, "session fixation: the id changes at login");
      assertEquals("basic", provider.lastClientAuthentication());
    }

    @Test
    void thenTheSessionsAccessTokenIsVerifiedAndExposedLikeABearerToken() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);

      HttpResponse<String> page = browser.navigate(app.uri(PAGE));

      assertEquals(200, page.statusCode(), page::body);
      Map<String, String> echo = echo(page);
      assertEquals(SUBJECT, echo.get("principal"));
      assertEquals(SUBJECT, echo.get("subject"));
      assertEquals("Bearer", echo.get("authType"));
      assertEquals("true", echo.get("inRole.read"));
      assertEquals(CLIENT_ID, echo.get("clientId"));
    }

    @Test
    void thenXhrCallsOfTheSameSessionAreLetThroughToo() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);

      HttpResponse<String> call =
          browser.send(
              HttpRequest.newBuilder(app.uri("/app/data"))
                  .header("Accept", "application/json")
                  .header("X-Requested-With", "XMLHttpRequest"));

      assertEquals(200, call.statusCode());
      assertEquals(SUBJECT, echo(call).get("principal"));
    }

    @Test
    void thenTheOldSessionIdNoLongerLogsAnyoneIn() {
      Browser browser = new Browser();
      browser.navigate(app.uri(PAGE));
      String fixated = browser.sessionId().orElseThrow();
      logIn(browser, app, PAGE);

      Browser attacker = new Browser();
      attacker.setSessionId(app.uri("/"), fixated);
      HttpResponse<String> response = attacker.navigate(app.uri(PAGE));

      assertEquals(302, response.statusCode(), "sent to log in, not let in");
    }

    @Test
    void thenAClientSecretPostClientAuthenticatesInTheBody() {
      try (LoginApp postApp =
          LoginApp.start(
              api(),
              login().clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST).build())) {
        Browser browser = new Browser();
        HttpResponse<String> callback = logIn(browser, postApp, PAGE);

        assertEquals(302, callback.statusCode(), callback::body);
        assertEquals("post", provider.lastClientAuthentication());
        assertEquals(200, browser.navigate(postApp.uri(PAGE)).statusCode());
      }
    }
  }

  @Nested
  class WhenTheCallbackIsNotTheOneExpected {

    @Test
    void thenAWrongStateIsRefusedWithoutCallingTheTokenEndpoint() {
      Browser browser = new Browser();
      browser.navigate(app.uri(PAGE));
      int before = provider.tokenRequests();

      HttpResponse<String> response =
          browser.navigate(app.uri("/app/callback?code=code-1&state=forged-state"));

      assertEquals(400, response.statusCode());
      assertEquals("state_mismatch", reason(response));
      assertEquals(before, provider.tokenRequests());
      assertEquals(302, browser.navigate(app.uri(PAGE)).statusCode(), "still not logged in");
    }

    @Test
    void thenAMissingStateIsRefused() {
      Browser browser = new Browser();
      browser.navigate(app.uri(PAGE));

      HttpResponse<String> response = browser.navigate(app.uri("/app/callback?code=code-1"));

      assertEquals(400, response.statusCode());
      assertEquals("state_mismatch", reason(response));
    }

    @Test
    void thenACallbackWithoutASessionIsRefused() {
      Browser started = new Browser();
      URI callback = location(started.follow(started.navigate(app.uri(PAGE))));

      HttpResponse<String> response = new Browser().navigate(callback);

      assertEquals(400, response.statusCode());
      assertEquals("login_expired", reason(response));
    }

    @Test
    void thenACallbackAfterTheLoginTimeoutIsRefused() {
      Browser browser = new Browser();
      URI callback = location(browser.follow(browser.navigate(app.uri(PAGE))));
      clock.advance(LoginConfig.DEFAULT_LOGIN_TIMEOUT.plusSeconds(1));

      HttpResponse<String> response = browser.navigate(callback);

      assertEquals(400, response.statusCode());
      assertEquals("login_expired", reason(response));
    }

    @Test
    void thenAStateIsGoodForOneCallbackOnly() {
      Browser browser = new Browser();
      URI callback = location(browser.follow(browser.navigate(app.uri(PAGE))));
      assertEquals(302, browser.navigate(callback).statusCode());

      HttpResponse<String> replay = browser.navigate(callback);

      assertEquals(400, replay.statusCode());
    }

    @Test
    void thenAnErrorFromTheProviderIsShownAsARefusedLogin() {
      Browser browser = new Browser();
      String state = query(location(browser.navigate(app.uri(PAGE)))).get("state");

      HttpResponse<String> response =
          browser.navigate(
              app.uri(
                  "/app/callback?error=access_denied&error_description=%3Cscript%3E&state="
                      + state));

      assertEquals(403, response.statusCode());
      assertEquals("login_denied", reason(response));
      assertFalse(response.body().contains("<script>"));
    }

    @Test
    void thenARefusedCodeExchangeGivesAFixedPageWithoutDetails() {
      provider.tokenEndpointStatus(400);
      Browser browser = new Browser();

      HttpResponse<String> response = logIn(browser, app, PAGE);

      assertEquals(502, response.statusCode());
      assertEquals("token_request_failed", reason(response));
      assertFalse(response.body().contains("script"), "nothing of the provider's answer");
      assertFalse(response.body().contains("Exception"), "no stack trace");
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }
  }

  @Nested
  class WhenTheIdTokenIsNotAcceptable {

    private void assertRefused(UnaryOperator<TestTokens.Builder> change) {
      provider.idTokens(change);
      Browser browser = new Browser();

      HttpResponse<String> response = logIn(browser, app, PAGE);

      assertEquals(502, response.statusCode(), response::body);
      assertEquals("id_token_invalid", reason(response));
      assertEquals(302, browser.navigate(app.uri(PAGE)).statusCode(), "not logged in");
    }

    @Test
    void thenAWrongNonceIsRefused() {
      assertRefused(b -> b.claim("nonce", "someone-elses-nonce"));
    }

    @Test
    void thenAMissingNonceIsRefused() {
      assertRefused(b -> b.without("nonce"));
    }

    @Test
    void thenAnAudienceOfAnotherClientIsRefused() {
      assertRefused(b -> b.audience("another-client").without("azp"));
    }

    @Test
    void thenSeveralAudiencesWithAnotherAuthorizedPartyAreRefused() {
      assertRefused(
          b -> b.audience(List.of(CLIENT_ID, "another-client")).claim("azp", "another-client"));
    }

    @Test
    void thenAnotherIssuerIsRefused() {
      assertRefused(b -> b.claim("iss", "https://evil.example/"));
    }

    @Test
    void thenAnExpiredIdTokenIsRefused() {
      assertRefused(b -> b.expiresAt(clock.instant().minus(Duration.ofMinutes(5))));
    }

    @Test
    void thenAnIdTokenWithoutIatIsRefused() {
      assertRefused(b -> b.without("iat"));
    }

    @Test
    void thenAKeyTheProviderNeverPublishedIsRefused() {
      assertRefused(b -> b.signedWith(TestKeys.ATTACKER));
    }

    @Test
    void thenAnUnsignedIdTokenIsRefused() {
      assertRefused(TestTokens.Builder::unsigned);
    }

    @Test
    void thenAnAccessTokenPassedOffAsIdTokenIsRefused() {
      assertRefused(b -> b.typ("at+jwt"));
    }
  }

  @Nested
  class WhenTheAccessTokenExpires {

    @Test
    void thenTheRefreshTokenRenewsItWithoutTheUserNoticing() {
      provider.accessTokenLifetime(Duration.ofSeconds(60));
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      int refreshes = provider.refreshRequests();
      clock.advance(Duration.ofSeconds(90));

      HttpResponse<String> page = browser.navigate(app.uri(PAGE));

      assertEquals(200, page.statusCode(), page::body);
      assertEquals(refreshes + 1, provider.refreshRequests());
      assertEquals(200, browser.navigate(app.uri(PAGE)).statusCode());
      assertEquals(refreshes + 1, provider.refreshRequests(), "the renewed token is kept");
    }

    @Test
    void thenWithoutARefreshTokenTheUserLogsInAgain() {
      provider.accessTokenLifetime(Duration.ofSeconds(60)).issueRefreshTokens(false);
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      clock.advance(Duration.ofSeconds(90));

      HttpResponse<String> page = browser.navigate(app.uri(PAGE));

      assertEquals(302, page.statusCode());
      assertTrue(location(page).toString().startsWith(provider.uri("/authorize").toString()));
    }

    @Test
    void thenARefusedRefreshMeansLoggingInAgain() {
      provider.accessTokenLifetime(Duration.ofSeconds(60));
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      provider.refuseRefresh(true);
      clock.advance(Duration.ofSeconds(90));

      assertEquals(302, browser.navigate(app.uri(PAGE)).statusCode());
      HttpResponse<String> api =
          browser.send(HttpRequest.newBuilder(app.uri(PAGE)).header("Accept", "application/json"));
      assertEquals(401, api.statusCode(), "and an API call of that session gets 401");
    }
  }

  @Nested
  class WhenTheRequestCarriesItsOwnToken {

    @Test
    void thenItsTokenDecidesNotTheSession() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      String other = tokens.validAt(clock.instant()).claim("sub", "auth0|bob").build();

      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(app.uri(PAGE)).header("Authorization", "Bearer " + other));

      assertEquals(200, response.statusCode());
      assertEquals("auth0|bob", echo(response).get("principal"));
    }

    @Test
    void thenABadTokenIsRefusedEvenWithALoggedInSession() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);

      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(app.uri(PAGE)).header("Authorization", "Bearer x.y.z"));

      assertEquals(401, response.statusCode());
    }
  }

  @Nested
  class WhenTheUserLogsOut {

    @Test
    void thenTheSessionEndsAndTheBrowserGoesToTheEndSessionEndpointWithHints() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      String session = browser.sessionId().orElseThrow();

      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(app.uri("/app/logout"))
                  .header("Origin", app.origin())
                  .POST(HttpRequest.BodyPublishers.noBody()));

      assertEquals(303, response.statusCode());
      URI target = location(response);
      assertEquals(provider.uri("/oidc/logout"), URI.create(target.toString().split("\\?")[0]));
      Map<String, String> q = query(target);
      assertEquals(
          app.origin() + LoginApp.CONTEXT + "/signed-out", q.get("post_logout_redirect_uri"));
      assertEquals(CLIENT_ID, q.get("client_id"));
      String[] hint = q.get("id_token_hint").split("\\.");
      assertEquals(3, hint.length, "the ID token of the login");
      assertTrue(new String(java.util.Base64.getUrlDecoder().decode(hint[1])).contains(CLIENT_ID));

      Browser sameCookie = new Browser();
      sameCookie.setSessionId(app.uri("/"), session);
      assertEquals(302, sameCookie.navigate(app.uri(PAGE)).statusCode(), "the session has ended");
    }

    @Test
    void thenAGetCannotLogAnyoneOut() {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);

      HttpResponse<String> response = browser.navigate(app.uri("/app/logout"));

      assertEquals(405, response.statusCode());
      assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
      assertEquals(200, browser.navigate(app.uri(PAGE)).statusCode(), "still logged in");
    }
  }

  @Nested
  class WhenTheUnauthenticatedActionIsChanged {

    @Test
    void thenPassLetsAnonymousBrowsersThroughWithoutAToken() {
      try (LoginApp pass =
          LoginApp.start(
              api(),
              login().unauthenticatedAction(LoginConfig.UnauthenticatedAction.PASS).build())) {
        HttpResponse<String> response = new Browser().navigate(pass.uri(PAGE));

        assertEquals(200, response.statusCode());
        assertEquals("null", echo(response).get("principal"));
      }
    }

    @Test
    void thenUnauthorizedNeverRedirects() {
      try (LoginApp deny =
          LoginApp.start(
              api(),
              login()
                  .unauthenticatedAction(LoginConfig.UnauthenticatedAction.UNAUTHORIZED)
                  .build())) {
        HttpResponse<String> response = new Browser().navigate(deny.uri(PAGE));

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
      }
    }

    @Test
    void thenPathsOutsideTheLoginPathsGetBearerVerificationOnly() {
      try (LoginApp narrow = LoginApp.start(api(), login().loginPaths("/app/pages/*").build())) {
        HttpResponse<String> outside = new Browser().navigate(narrow.uri("/app/api/orders"));
        HttpResponse<String> inside = new Browser().navigate(narrow.uri("/app/pages/home"));

        assertEquals(401, outside.statusCode());
        assertEquals(302, inside.statusCode());
      }
    }
  }
}
