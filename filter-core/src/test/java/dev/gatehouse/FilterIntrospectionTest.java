package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.CLIENT_CERTIFICATE_MISSING;
import static dev.gatehouse.testing.Refusals.CLIENT_NOT_ALLOWED;
import static dev.gatehouse.testing.Refusals.INACTIVE;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.LocalIntrospectionServer.Mode;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens that are not JWTs go to introspection; JWTs are still verified locally. */
class FilterIntrospectionTest {

  private static final String OPAQUE = "opaque-3f9c2a";

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private final TestTokens tokens = new TestTokens(provider.issuer());
  private LocalIntrospectionServer introspection;

  @BeforeEach
  void start() {
    introspection = LocalIntrospectionServer.start();
    introspection.activate(
        OPAQUE,
        Map.of(
            "sub", "user-7",
            "scope", "read admin",
            "client_id", "partner-app",
            "exp", Instant.now().plusSeconds(600).getEpochSecond(),
            "iss", "https://idp.partner.example/"));
  }

  @AfterEach
  void stop() {
    introspection.close();
  }

  private GatehouseConfig config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .introspection(
            IntrospectionConfig.forEndpoint(introspection.endpoint())
                .clientCredentials(
                    LocalIntrospectionServer.CLIENT_ID, LocalIntrospectionServer.CLIENT_SECRET)
                .build())
        .build();
  }

  @Test
  void whenAnOpaqueTokenIsActiveThenTheApplicationSeesItLikeAJwt() {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      Reply reply = api.get("/api/admin", OPAQUE);

      assertEquals(200, reply.status());
      Map<String, String> echo = reply.echo();
      assertEquals("user-7", echo.get("principal"));
      assertEquals("partner-app", echo.get("clientId"));
      assertEquals("https://idp.partner.example/", echo.get("issuer"));
      assertEquals("true", echo.get("inRole.admin"));
    }
  }

  @Test
  void whenTheIntrospectionResponseBindsTheTokenToACertificateThenTheCertificateIsRequired() {
    String thumbprint = "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2";
    introspection.activate(
        "opaque-bound",
        Map.of(
            "sub",
            "user-7",
            "exp",
            Instant.now().plusSeconds(600).getEpochSecond(),
            "iss",
            "https://idp.partner.example/",
            "cnf",
            Map.of("x5t#S256", thumbprint)));
    try (ProtectedApi api = ProtectedApi.start(config())) {
      Reply reply = api.get("opaque-bound");

      assertEquals(401, reply.status());
      assertEquals(invalidToken(CLIENT_CERTIFICATE_MISSING), reply.challenge());
    }
  }

  @Test
  void whenAnOpaqueTokenIsInactiveThen401() {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      Reply reply = api.get("opaque-unknown");

      assertEquals(401, reply.status());
      assertEquals(invalidToken(INACTIVE), reply.challenge());
    }
  }

  @Test
  void whenAJwtArrivesThenItIsVerifiedLocallyAndNeverIntrospected() {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      assertEquals(200, api.get(tokens.valid().build()).status());
      assertEquals(401, api.get(tokens.valid().without("exp").build()).status());
      assertEquals(0, introspection.totalCalls());
    }
  }

  @Test
  void whenTheEndpointIsDownThen503WithRetryAfterAndNoChallenge() {
    introspection.mode(Mode.FAIL);
    try (ProtectedApi api = ProtectedApi.start(config())) {
      Reply reply = api.get(OPAQUE);

      assertEquals(503, reply.status());
      assertEquals("10", reply.header("Retry-After"));
      assertNull(reply.challenge());
    }
  }

  @Test
  void whenAnOpaqueTokenIsRevokedOrItsClientDeniedThenTheUsualChecksApply() {
    GatehouseConfig base = config();
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .introspection(base.introspection().orElseThrow())
            .clients(c -> c.denied("partner-app"))
            .build();
    try (ProtectedApi api = ProtectedApi.start(config)) {
      assertEquals(invalidToken(CLIENT_NOT_ALLOWED), api.get(OPAQUE).challenge());
    }
  }

  @Test
  void whenIntrospectionIsNotConfiguredThenAnOpaqueTokenIsMalformed() {
    GatehouseConfig jwtOnly =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .build();
    try (ProtectedApi api = ProtectedApi.start(jwtOnly)) {
      assertEquals(invalidToken(MALFORMED_TOKEN), api.get(OPAQUE).challenge());
      assertEquals(0, introspection.totalCalls());
    }
  }

  @Test
  void whenConfiguredFromInitParamsThenOpaqueTokensAreIntrospected() {
    Map<String, String> params = new HashMap<>();
    params.put("gatehouse.issuer", provider.issuer());
    params.put("gatehouse.audiences", AUDIENCE);
    params.put("gatehouse.allow-insecure-loopback-http", "true");
    params.put("gatehouse.introspection.endpoint", introspection.endpoint().toString());
    params.put("gatehouse.introspection.client-id", LocalIntrospectionServer.CLIENT_ID);
    params.put("gatehouse.introspection.client-secret", LocalIntrospectionServer.CLIENT_SECRET);
    params.put("gatehouse.introspection.client-auth", "client_secret_post");
    try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
      assertEquals(200, api.get(OPAQUE).status());
      assertNull(introspection.lastAuthorization());
    }
  }
}
