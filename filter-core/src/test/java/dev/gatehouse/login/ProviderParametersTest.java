package dev.gatehouse.login;

import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.login.LoginFlowTest.logIn;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.GatehouseConfig;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the login names the API to the provider: Auth0's {@code audience} only when configured, RFC
 * 8707 {@code resource} (possibly several) on the authorization request and every token request.
 */
class ProviderParametersTest {

  private static final String PAGE = "/app/orders";
  private static final String SECOND_API = "https://reports.example.com/";

  private final TestClock clock = new TestClock();
  private final LocalOidcProvider provider = LocalOidcProvider.start(clock);
  private LoginApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    provider.close();
  }

  private void start(LoginConfigBuilder login) {
    GatehouseConfig api =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .build();
    app = LoginApp.start(api, login.loginPaths("/app/*").build());
  }

  private static LoginConfigBuilder login() {
    return LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback");
  }

  /** Every value of {@code name} in a form-encoded string, in order. */
  private static List<String> values(String form, String name) {
    return Arrays.stream(form.split("&"))
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
        .toList();
  }

  /** Logs in and follows the callback's redirect: the answer to the page first asked for. */
  private HttpResponse<String> signIn(Browser browser) {
    return browser.follow(logIn(browser, app, PAGE));
  }

  @Test
  void whenNoAudienceIsConfiguredThenTheAuthorizationRequestHasNoAudienceParameter() {
    start(login());

    assertEquals(200, signIn(new Browser()).statusCode());

    assertFalse(provider.lastAuthorizationRequest().containsKey("audience"));
    assertEquals(List.of(), values(provider.lastAuthorizationQuery(), "resource"));
    assertEquals(List.of(), values(provider.lastTokenRequestBody(), "audience"));
  }

  @Test
  void whenAnAudienceIsConfiguredThenItIsSentOnceOnTheAuthorizationRequest() {
    start(login().audience(AUDIENCE));

    signIn(new Browser());

    assertEquals(List.of(AUDIENCE), values(provider.lastAuthorizationQuery(), "audience"));
  }

  @Test
  void whenResourcesAreConfiguredThenEachIsSentOnTheAuthorizationAndCodeRequests() {
    start(login().resources(AUDIENCE, SECOND_API));

    assertEquals(200, signIn(new Browser()).statusCode());

    assertEquals(
        List.of(AUDIENCE, SECOND_API), values(provider.lastAuthorizationQuery(), "resource"));
    assertEquals(
        List.of(AUDIENCE, SECOND_API), values(provider.lastTokenRequestBody(), "resource"));
    assertEquals(
        List.of("authorization_code"), values(provider.lastTokenRequestBody(), "grant_type"));
    assertFalse(provider.lastAuthorizationRequest().containsKey("audience"));
  }

  @Test
  void whenTheSessionIsRenewedThenTheRefreshRequestNamesTheSameResources() {
    provider.accessTokenLifetime(Duration.ofSeconds(60));
    start(login().resources(AUDIENCE, SECOND_API));
    Browser browser = new Browser();
    signIn(browser);
    clock.advance(Duration.ofSeconds(90));

    HttpResponse<String> page = browser.navigate(app.uri(PAGE));

    assertEquals(200, page.statusCode(), page::body);
    assertEquals(List.of("refresh_token"), values(provider.lastTokenRequestBody(), "grant_type"));
    assertEquals(
        List.of(AUDIENCE, SECOND_API), values(provider.lastTokenRequestBody(), "resource"));
  }

  @Test
  void whenAResourceHasAQueryCharacterThenItIsFormEncodedIntact() {
    String withQuery = "https://api.example.com/v1?tenant=a&b=c";
    start(login().resources(withQuery));

    signIn(new Browser());

    assertEquals(List.of(withQuery), values(provider.lastAuthorizationQuery(), "resource"));
    assertEquals(List.of(withQuery), values(provider.lastTokenRequestBody(), "resource"));
    assertFalse(
        provider.lastAuthorizationQuery().contains(withQuery),
        "sent encoded: " + URLEncoder.encode(withQuery, StandardCharsets.UTF_8));
  }
}
