package dev.gatehouse.login;

import static dev.gatehouse.login.Browser.location;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.login.LoginFlowTest.logIn;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.testing.SwitchableStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bearer filter decides about a session's access token decides the session: a token it
 * refuses as not valid (401) ends the login, any other refusal leaves the user signed in.
 */
class LoginSessionDecisionTest {

  private static final String PAGE = "/app/orders";

  private SwitchableStore store;
  private TestClock clock;
  private LocalOidcProvider provider;
  private LoginApp app;

  @BeforeEach
  void start() {
    clock = new TestClock();
    store = new SwitchableStore(clock);
    provider = LocalOidcProvider.start(clock);
    GatehouseConfig api =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .store(store)
            .pathRules(
                PathRules.builder()
                    .rule("* /app/admin/* scopes=admin")
                    .rule("* /app/* authenticated")
                    .build())
            .build();
    app =
        LoginApp.start(
            api,
            LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
                .loginPaths("/app/*")
                .audience(AUDIENCE)
                .build());
  }

  @AfterEach
  void stop() {
    app.close();
    provider.close();
  }

  @Test
  void whenTheSessionsTokenIsRefusedAsNotValidThenTheLoginEnds() {
    Browser browser = new Browser();
    logIn(browser, app, PAGE);
    // Every token of the user issued so far, as a password change would.
    store
        .revocations()
        .revoke(
            Revocation.ofSubject(
                provider.issuer(),
                LocalOidcProvider.USER,
                clock.instant(),
                clock.instant().plus(Duration.ofHours(1))));

    HttpResponse<String> refused = browser.navigate(app.uri(PAGE));
    HttpResponse<String> next = browser.navigate(app.uri(PAGE));

    assertEquals(401, refused.statusCode(), refused::body);
    assertEquals(302, next.statusCode(), "signed out: a new login starts");
    assertTrue(location(next).toString().startsWith(provider.uri("/authorize").toString()));
  }

  @Test
  void whenTheSessionLacksAScopeThenItIsRefused403AndStaysSignedIn() {
    Browser browser = new Browser();
    logIn(browser, app, PAGE);

    HttpResponse<String> admin = browser.navigate(app.uri("/app/admin/x"));
    HttpResponse<String> page = browser.navigate(app.uri(PAGE));

    assertEquals(403, admin.statusCode(), admin::body);
    assertEquals(200, page.statusCode(), page::body);
  }
}
