package dev.gatehouse.login;

import static dev.gatehouse.login.Browser.location;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.login.LoginFlowTest.echo;
import static dev.gatehouse.login.LoginFlowTest.logIn;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.TrustedIssuer;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login and the bearer filter share one provider per issuer: one discovery document, one key
 * set. The login works with whichever trusted issuer {@code gatehouse.login.issuer} names.
 */
class LoginIssuersTest {

  private static final String PAGE = "/app/orders";

  private TestClock clock;
  private LocalOidcProvider first;
  private LocalOidcProvider second;

  @BeforeEach
  void startProviders() {
    clock = new TestClock();
    first = LocalOidcProvider.start(clock);
    second = LocalOidcProvider.start(clock);
  }

  @AfterEach
  void stopProviders() {
    first.close();
    second.close();
  }

  private static LoginConfigBuilder login() {
    return LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
        .loginPaths("/app/*")
        .audience(AUDIENCE);
  }

  private GatehouseConfig bothIssuers() {
    return GatehouseConfig.forIssuers(
            TrustedIssuer.named("first", first.issuer()).audiences(AUDIENCE).build(),
            TrustedIssuer.named("second", second.issuer()).audiences(AUDIENCE).build())
        .allowInsecureLoopbackHttp()
        .clock(clock)
        .build();
  }

  @Test
  void whenOneIssuerThenALoginAndAnApiCallMakeOneDiscoveryAndOneJwksRequest() throws Exception {
    GatehouseConfig api =
        GatehouseConfig.forIssuer(first.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .clock(clock)
            .build();
    try (LoginApp app = LoginApp.start(api, login().build())) {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      HttpResponse<String> page = browser.navigate(app.uri(PAGE));
      HttpResponse<String> call =
          browser.send(
              HttpRequest.newBuilder(app.uri(PAGE))
                  .header(
                      "Authorization",
                      "Bearer " + new TestTokens(first.issuer()).validAt(clock.instant()).build()));

      assertEquals(200, page.statusCode(), page::body);
      assertEquals(200, call.statusCode(), call::body);
      assertEquals(1, first.discoveryRequests(), "discovery requests");
      assertEquals(1, first.jwksRequests(), "JWKS requests");
    }
  }

  @Test
  void whenTheLoginNamesTheSecondIssuerThenUsersLogInThereAndTheirSessionIsAdmitted() {
    try (LoginApp app = LoginApp.start(bothIssuers(), login().issuer("second").build())) {
      Browser browser = new Browser();
      HttpResponse<String> toProvider = browser.navigate(app.uri(PAGE));
      assertEquals(
          second.uri("/authorize"), URI.create(location(toProvider).toString().split("\\?")[0]));

      HttpResponse<String> back = browser.follow(browser.follow(toProvider));
      assertEquals(302, back.statusCode(), back::body);
      HttpResponse<String> page = browser.navigate(app.uri(PAGE));

      assertEquals(200, page.statusCode(), page::body);
      assertEquals(SUBJECT, echo(page).get("subject"));
      assertEquals(second.issuer(), echo(page).get("issuer"));
      assertEquals(0, first.discoveryRequests() + first.jwksRequests(), "the first is not asked");
    }
  }

  @Test
  void whenTheLoginNamesAnIssuerByItsUrlThenThatOneIsUsed() {
    try (LoginApp app = LoginApp.start(bothIssuers(), login().issuer(first.issuer()).build())) {
      Browser browser = new Browser();
      logIn(browser, app, PAGE);
      HttpResponse<String> page = browser.navigate(app.uri(PAGE));

      assertEquals(200, page.statusCode(), page::body);
      assertEquals(first.issuer(), echo(page).get("issuer"));
    }
  }

  @Test
  void whenSeveralIssuersAndTheLoginNamesNoneThenTheFilterDoesNotStart() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GatehouseLoginFilter(bothIssuers(), login().build()));

    assertEquals(
        "gatehouse.login.issuer: 2 issuers are trusted; name the one users log in with, one of"
            + " [first, second]",
        e.getMessage());
  }

  @Test
  void whenTheLoginNamesAnIssuerThatIsNotTrustedThenTheFilterDoesNotStart() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GatehouseLoginFilter(bothIssuers(), login().issuer("third").build()));

    assertEquals(
        "gatehouse.login.issuer: 'third' is not a trusted issuer, one of [first, second]",
        e.getMessage());
  }
}
