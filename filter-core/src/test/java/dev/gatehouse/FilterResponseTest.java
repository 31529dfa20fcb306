package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shape of every refusal: status, one challenge, a small JSON body, never cached. */
class FilterResponseTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;

  @BeforeAll
  static void start() {
    api =
        ProtectedApi.start(
            GatehouseConfig.forIssuer(provider.issuer())
                .audiences(AUDIENCE)
                .allowInsecureLoopbackHttp()
                .build());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void whenTheTokenIsRejectedThenTheBodyRepeatsTheChallengeAsJson() {
    Reply reply = api.get(tokens.valid().signedWith(TestKeys.ATTACKER).build());

    assertEquals(401, reply.status());
    assertEquals(
        "{\"error\":\"invalid_token\",\"error_description\":\"The access token is signed with an"
            + " unknown key.\"}",
        reply.body());
    assertEquals("application/json;charset=utf-8", reply.header("Content-Type").toLowerCase());
    assertEquals("no-store", reply.header("Cache-Control"));
  }

  @Test
  void whenTheRequestIsMalformedThenTheBodyNamesInvalidRequest() {
    Reply reply = api.send(api.request("/api/echo").header("Authorization", "Bearer"));

    assertEquals(400, reply.status());
    assertEquals(
        "{\"error\":\"invalid_request\",\"error_description\":\"The Authorization header is not a"
            + " valid Bearer credential.\"}",
        reply.body());
    assertEquals("no-store", reply.header("Cache-Control"));
  }

  @Test
  void whenRefusedThenNothingOfTheTokenIsEchoed() {
    String token = tokens.valid().claim("iss", "https://evil.example/").build();

    Reply reply = api.get(token);

    assertEquals(401, reply.status());
    assertFalse(reply.body().contains("evil"), reply::body);
    assertFalse(reply.challenge().contains("evil"), reply::challenge);
  }

  @Test
  void whenTheRealmNeedsQuotingThenTheChallengeEscapesIt() {
    try (ProtectedApi odd =
        ProtectedApi.start(
            GatehouseConfig.forIssuer(provider.issuer())
                .audiences(AUDIENCE)
                .allowInsecureLoopbackHttp()
                .realm("orders \"v2\" \\ eu")
                .build())) {
      Reply reply = odd.send(odd.request("/api/echo"));

      assertEquals(401, reply.status());
      assertEquals(
          "Bearer realm=\"orders \\\"v2\\\" \\\\ eu\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
          reply.challenge());
    }
  }

  @Test
  void whenAccessIsGrantedThenNoChallengeIsSent() {
    Reply reply = api.get(tokens.valid().build());

    assertEquals(200, reply.status());
    assertNull(reply.challenge());
  }
}
