package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.PathRules;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.GatewayApp;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Identity carried in request headers for code that reads headers: set from the verified token
 * only, and a request carrying the client's own copy refused, public paths included.
 */
class FilterIdentityHeadersTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .pathRules(PathRules.builder().rule("* /headers/public/* public").build());
  }

  private static Reply forged(GatewayApp app, String path, String token) {
    var request =
        app.request(path)
            .header("X-Auth-Subject", "auth0|admin")
            .header("x-auth-scopes", "everything")
            .header("X-AUTH-CLIENT-ID", "trusted-app")
            .header("X-Custom-User", "root");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return app.send(request);
  }

  private static Reply sending(GatewayApp app, String path, String token, String... header) {
    var request = app.request(path).header("X-Custom-User", "root");
    for (int i = 0; i < header.length; i += 2) {
      request.header(header[i], header[i + 1]);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return app.send(request);
  }

  private static void assertRefusedAsForged(Reply reply) {
    Rejection r = Rejection.IDENTITY_HEADER_FROM_CLIENT;
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(
        "Bearer realm=\"api\", error=\"invalid_request\", error_description=\""
            + r.description()
            + "\"",
        reply.challenge());
    assertFalse(reply.body().contains("auth0|admin"), reply.body());
  }

  @Nested
  class SwitchedOn {

    private static GatewayApp app;

    @BeforeAll
    static void start() {
      app = GatewayApp.start(config().forwardIdentityHeaders().build());
    }

    @AfterAll
    static void stop() {
      app.close();
    }

    @Test
    void whenAuthenticatedThenTheHeadersComeFromTheTokenOnly() {
      Map<String, String> seen =
          sending(
                  app,
                  "/headers/me",
                  tokens.valid().scope("read write").claim("azp", "app-a").build())
              .echo();

      assertEquals(TestTokens.SUBJECT, seen.get("header.X-Auth-Subject"));
      assertEquals(TestTokens.SUBJECT, seen.get("single.X-Auth-Subject"));
      assertEquals("read write", seen.get("header.X-Auth-Scopes"));
      assertEquals("app-a", seen.get("header.X-Auth-Client-Id"));
      assertEquals(
          "x-auth-client-id,x-auth-scopes,x-auth-subject,x-custom-user", seen.get("names"));
      assertEquals("root", seen.get("header.X-Custom-User"), "other headers are untouched");
    }

    @Test
    void whenAnAuthenticatedClientSendsItsOwnIdentityHeadersThenTheRequestIsRefused() {
      assertRefusedAsForged(forged(app, "/headers/me", tokens.valid().build()));
    }

    @Test
    void whenAnyOneIdentityHeaderIsSentInAnySpellingThenTheRequestIsRefused() {
      String token = tokens.valid().build();

      assertRefusedAsForged(sending(app, "/headers/me", token, "x-auth-subject", "auth0|admin"));
      assertRefusedAsForged(sending(app, "/headers/me", token, "X-AUTH-SCOPES", "admin"));
      assertRefusedAsForged(sending(app, "/headers/me", token, "X-Auth-Client-Id", "trusted"));
      assertRefusedAsForged(sending(app, "/headers/me", token, "X-Auth-Subject", ""));
    }

    @Test
    void whenThePathIsPublicThenTheClientsCopiesAreRefusedToo() {
      assertRefusedAsForged(forged(app, "/headers/public/x", null));
    }

    @Test
    void whenThePathIsPublicThenNoIdentityHeadersAreCarried() {
      Map<String, String> seen = sending(app, "/headers/public/x", null).echo();

      assertEquals("", seen.get("header.X-Auth-Subject"));
      assertEquals("null", seen.get("single.X-Auth-Scopes"));
      assertEquals("x-custom-user", seen.get("names"));
    }

    @Test
    void whenTheTokenLacksAValueThenThatHeaderIsAbsentNotForged() {
      Map<String, String> seen =
          sending(app, "/headers/me", tokens.valid().scope("").build()).echo();

      assertEquals("", seen.get("header.X-Auth-Client-Id"));
      assertEquals("null", seen.get("single.X-Auth-Client-Id"));
      assertEquals("", seen.get("header.X-Auth-Scopes"));
      assertEquals("x-auth-subject,x-custom-user", seen.get("names"));
    }

    @Test
    void whenTheSubjectHasControlCharactersThenItIsNotCarried() {
      Map<String, String> seen =
          sending(app, "/headers/me", tokens.valid().claim("sub", "alice\r\nX-Admin: yes").build())
              .echo();

      assertEquals("null", seen.get("single.X-Auth-Subject"));
    }
  }

  @Test
  void whenSwitchedOffThenHeadersPassUnchanged() {
    try (GatewayApp app = GatewayApp.start(config().build())) {
      Map<String, String> seen = forged(app, "/headers/public/x", null).echo();

      assertEquals("auth0|admin", seen.get("header.X-Auth-Subject"));
    }
  }

  @Test
  void whenNamesAreConfiguredInInitParamsThenThoseAreUsedAndRefused() {
    Map<String, String> params = new HashMap<>();
    params.put("gatehouse.issuer", provider.issuer());
    params.put("gatehouse.audiences", AUDIENCE);
    params.put("gatehouse.allow-insecure-loopback-http", "true");
    params.put("gatehouse.identity-headers", "true");
    params.put("gatehouse.identity-headers.subject", "X-Custom-User");
    try (GatewayApp app = GatewayApp.startWithInitParams(params)) {
      String token = tokens.valid().build();
      Map<String, String> seen =
          app.send(
                  app.request("/headers/me")
                      .header("Authorization", "Bearer " + token)
                      .header("X-Auth-Subject", "no longer one of ours"))
              .echo();

      assertEquals(TestTokens.SUBJECT, seen.get("header.X-Custom-User"));
      assertEquals("no longer one of ours", seen.get("header.X-Auth-Subject"));
      assertEquals("read write", seen.get("header.X-Auth-Scopes"));
      assertRefusedAsForged(forged(app, "/headers/me", token));
    }
  }

  @Test
  void whenANameIsReservedOrInvalidOrRepeatedThenTheConfigurationIsRefused() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> IdentityHeaders.of("Authorization", "X-S", "X-C"))
            .getMessage()
            .startsWith("gatehouse.identity-headers.subject: 'Authorization' is reserved"));
    assertThrows(IllegalArgumentException.class, () -> IdentityHeaders.of("X A", "X-S", "X-C"));
    assertThrows(IllegalArgumentException.class, () -> IdentityHeaders.of("X-A", "x-a", "X-C"));
  }
}
