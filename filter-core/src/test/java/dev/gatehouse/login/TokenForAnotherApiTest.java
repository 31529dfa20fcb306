package dev.gatehouse.login;

import static dev.gatehouse.login.Browser.location;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.login.LoginFlowTest.logIn;
import static dev.gatehouse.login.LoginFlowTest.reason;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A login whose access token is for another API (the provider's audience mapper or the login's
 * audience/resource setting is wrong): the user gets a page that says so, not a silent round trip
 * to the provider that would bring back the same token. A session whose token the API once admitted
 * still ends its login and signs in again, as after any other refusal.
 */
class TokenForAnotherApiTest {

  private static final String PAGE = "/app/orders";
  private static final String OTHER_API = "https://other-api.example.com";

  private TestClock clock;
  private LocalOidcProvider provider;
  private LoginApp app;

  @BeforeEach
  void start() {
    clock = new TestClock();
    provider = LocalOidcProvider.start(clock);
    GatehouseConfig api =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .build();
    app =
        LoginApp.start(
            api,
            LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
                .loginPaths("/app/*")
                .build());
  }

  @AfterEach
  void stop() {
    app.close();
    provider.close();
  }

  /** Logs in and follows the callback's redirect: the answer to the page first asked for. */
  private HttpResponse<String> signIn(Browser browser) {
    return browser.follow(logIn(browser, app, PAGE));
  }

  @Test
  void whenTheFreshLoginsTokenIsForAnotherApiThenThePageAfterTheCallbackSaysSoWith403() {
    provider.accessTokens(b -> b.audience(OTHER_API));
    Browser browser = new Browser();

    HttpResponse<String> page = signIn(browser);

    assertEquals(403, page.statusCode(), page::body);
    assertEquals("token_for_another_api", reason(page));
    assertTrue(page.body().contains("signing in again will not help"), page::body);
    assertFalse(page.headers().firstValue("WWW-Authenticate").isPresent(), "no re-login prompt");
    assertFalse(page.headers().firstValue("Location").isPresent());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
  }

  @Test
  void whenTheFreshLoginsTokenIsForAnotherApiThenThePageShowsNoTokenOrClaim() {
    provider.accessTokens(b -> b.audience(OTHER_API));

    HttpResponse<String> page = signIn(new Browser());

    assertFalse(page.body().contains(OTHER_API), page::body);
    assertFalse(page.body().contains("eyJ"), page::body);
    assertFalse(page.body().contains(LocalOidcProvider.USER), page::body);
  }

  @Test
  void whenTheFreshLoginsTokenIsForAnotherApiThenNoSecondLoginStartsOnItsOwn() {
    provider.accessTokens(b -> b.audience(OTHER_API));
    Browser browser = new Browser();
    int tokenRequests = provider.tokenRequests();

    HttpResponse<String> page = signIn(browser);

    assertEquals(403, page.statusCode(), "the request after the callback: the page, not a 302");
    assertEquals(tokenRequests + 1, provider.tokenRequests(), "one code exchange, no more");
  }

  @Test
  void whenTheAudienceIsRightThenTheSameLoginReachesThePage() {
    HttpResponse<String> page = signIn(new Browser());

    assertEquals(200, page.statusCode(), page::body);
  }

  @Test
  void whenAnAdmittedSessionsRenewedTokenIsForAnotherApiThenTheLoginEndsAndStartsAgain() {
    provider.accessTokenLifetime(Duration.ofSeconds(60));
    Browser browser = new Browser();
    assertEquals(200, signIn(browser).statusCode());
    provider.accessTokens(b -> b.audience(OTHER_API));
    clock.advance(Duration.ofSeconds(90));

    HttpResponse<String> refused = browser.navigate(app.uri(PAGE));
    HttpResponse<String> next = browser.navigate(app.uri(PAGE));

    assertEquals(401, refused.statusCode(), refused::body);
    assertEquals(302, next.statusCode(), "a session that once worked may be stale: sign in again");
    assertTrue(location(next).toString().startsWith(provider.uri("/authorize").toString()));
  }
}
