package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.LocalOpenIdProvider;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway features end to end, configured the way a WAR would configure them (init-params bound
 * by the container-created filter), against two trusted local providers (tenants), a third that is
 * not trusted, and introspection of opaque tokens at the first.
 */
class GatewayFeaturesIT {

  static final String TENANT_B_AUDIENCE = "https://api.tenant-b.test";

  static final String INTROSPECTION_CLIENT = "shop-gateway";

  private static LocalOpenIdProvider provider;
  private static LocalOpenIdProvider tenantB;
  private static LocalOpenIdProvider stranger;
  private static String opaque;
  private static GatewayApp app;

  @BeforeAll
  static void start() throws Exception {
    provider = ClientTokens.startProvider();
    tenantB = LocalOpenIdProvider.start(TENANT_B_AUDIENCE);
    stranger = ClientTokens.startProvider();
    // A partner's token, opaque to the gateway: only introspection says what it means.
    opaque =
        provider.opaqueToken(
            provider
                .tokens()
                .valid()
                .subject("partner-user-7")
                .clientId("partner-app")
                .claim("gty", "client-credentials")
                .scopes("read:orders")
                .claim("application_name", "Partner Portal")
                .claim("api_product_list", List.of("gold")));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gatehouse.issuer", provider.issuer());
    settings.put("gatehouse.audiences", AUDIENCE);
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    settings.put("gatehouse.issuers", "b");
    settings.put("gatehouse.issuers.b.issuer", tenantB.issuer());
    settings.put("gatehouse.issuers.b.audiences", TENANT_B_AUDIENCE);
    settings.put(
        "gatehouse.rules",
        """
        GET    /api/orders/*   scopes=read:orders
        POST   /api/orders     any=write:orders,admin
        *      /health         public
        *      /internal/*     deny
        *      /api/*          authenticated
        """);
    settings.put("gatehouse.rules.default", "deny");
    settings.put("gatehouse.cors-preflight", "permit");
    settings.put("gatehouse.clients.denied", "banned-client");
    settings.put("gatehouse.required-claims.gty", "client-credentials");
    settings.put("gatehouse.identity-headers", "true");
    provider.registerClient(INTROSPECTION_CLIENT, "gateway-secret");
    settings.put("gatehouse.introspection.endpoint", provider.introspectionEndpoint().toString());
    settings.put("gatehouse.introspection.client-id", INTROSPECTION_CLIENT);
    settings.put("gatehouse.introspection.client-secret", "gateway-secret");
    app = GatewayApp.start(settings);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    stranger.close();
    tenantB.close();
    provider.close();
  }

  private static String token(Map<String, ?> claims) {
    return clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), claims);
  }

  private static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @Test
  void publicPathsNeedNoTokenAndDeniedPathsAreRefusedBeforeAnyTokenWork() {
    given().get(app.url("/health")).then().statusCode(200).body(containsString("principal=null"));
    given()
        .get(app.url("/internal/metrics"))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", Challenges.of(Rejection.PATH_DENIED));
    given().get(app.url("/not-covered")).then().statusCode(403);
  }

  @Test
  void scopeRulesAnswer403NamingTheScopes() {
    String reader = token(Map.of("scope", "read:orders"));
    bearer(reader)
        .get(app.url("/api/orders/42"))
        .then()
        .statusCode(200)
        .body(containsString("principal=" + SUBJECT));
    bearer(reader)
        .post(app.url("/api/orders"))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", Challenges.insufficientScope("admin write:orders"))
        .body("scope", equalTo("admin write:orders"));
    bearer(token(Map.of("scope", "admin")))
        .get(app.url("/api/orders/42"))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", Challenges.insufficientScope("read:orders"));
  }

  @Test
  void corsPreflightPassesWithoutAToken() {
    given()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "POST")
        .options(app.url("/api/orders"))
        .then()
        .statusCode(200);
    given().options(app.url("/api/orders")).then().statusCode(401);
  }

  @Test
  void bothTrustedTenantsAreAcceptedAndAnUntrustedOneIsNeverContacted() {
    String fromB =
        clientCredentials(
            tenantB, CLIENT_ID, List.of(TENANT_B_AUDIENCE), Map.of("scope", "read:orders"));
    bearer(fromB)
        .get(app.url("/api/orders/1"))
        .then()
        .statusCode(200)
        .body(containsString("issuer=" + tenantB.issuer()));

    String wrongAudience = clientCredentials(tenantB, CLIENT_ID, List.of(AUDIENCE), Map.of());
    bearer(wrongAudience)
        .get(app.url("/api/x"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.WRONG_AUDIENCE));

    String untrusted = clientCredentials(stranger, CLIENT_ID, List.of(AUDIENCE), Map.of());
    bearer(untrusted)
        .get(app.url("/api/x"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.WRONG_ISSUER));
    assertEquals(0, stranger.jwksRequests());
  }

  @Test
  void aDeniedClientIsRefusedWithTheFixedDescription() {
    String banned = clientCredentials(provider, "banned-client", List.of(AUDIENCE), Map.of());

    bearer(banned)
        .get(app.url("/api/x"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.CLIENT_NOT_ALLOWED));
  }

  @Test
  void aTokenWithoutTheRequiredClaimValueIsRefused() {
    String signed = ClientTokens.accessToken(provider).claim("gty", "password").build();

    bearer(signed)
        .get(app.url("/api/x"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.CLAIM_REQUIREMENT_UNMET));
  }

  @Test
  void identityHeadersComeFromTheTokenAndForgedOnesAreRefusedEverywhere() {
    bearer(token(Map.of("scope", "read:orders admin")))
        .get(app.url("/api/me"))
        .then()
        .statusCode(200)
        .body(containsString("header.X-Auth-Subject=" + SUBJECT + "\n"))
        .body(containsString("header.X-Auth-Scopes=read:orders admin\n"))
        .body(containsString("header.X-Auth-Client-Id=" + CLIENT_ID + "\n"));
    given()
        .get(app.url("/health"))
        .then()
        .statusCode(200)
        .body(containsString("header.X-Auth-Subject=null\n"))
        .body(containsString("header.X-Auth-Client-Id=null\n"));
    bearer(token(Map.of("scope", "read:orders admin")))
        .header("X-Auth-Subject", "root")
        .get(app.url("/api/me"))
        .then()
        .statusCode(400)
        .header("WWW-Authenticate", Challenges.of(Rejection.IDENTITY_HEADER_FROM_CLIENT));
    given()
        .header("x-auth-client-id", "trusted")
        .get(app.url("/health"))
        .then()
        .statusCode(400)
        .header("WWW-Authenticate", Challenges.of(Rejection.IDENTITY_HEADER_FROM_CLIENT));
  }

  @Test
  void theApplicationCanRevokeATokenThroughThePublishedList() {
    String token = token(Map.of("scope", "read:orders"));
    bearer(token).get(app.url("/api/orders/1")).then().statusCode(200);

    bearer(token).post(app.url("/api/logout")).then().statusCode(204);

    bearer(token)
        .get(app.url("/api/orders/1"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.TOKEN_REVOKED));
    bearer(token(Map.of("scope", "read:orders")))
        .get(app.url("/api/orders/1"))
        .then()
        .statusCode(200);
  }

  @Test
  void anOpaqueThirdPartyTokenIsIntrospectedAndBecomesTheSameAccessToken() {
    bearer(opaque)
        .get(app.url("/api/orders/9"))
        .then()
        .statusCode(200)
        .body(containsString("principal=partner-user-7\n"))
        .body(containsString("scopes=read:orders\n"))
        .body(containsString("claim.application=Partner Portal\n"))
        .body(containsString("header.X-Auth-Client-Id=partner-app\n"));
    int calls = provider.introspectionRequests();
    bearer(opaque).get(app.url("/api/orders/9")).then().statusCode(200);
    assertEquals(calls, provider.introspectionRequests(), "the active result is cached");

    bearer("not-an-active-token")
        .get(app.url("/api/orders/9"))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.of(Rejection.TOKEN_INACTIVE));
  }
}
