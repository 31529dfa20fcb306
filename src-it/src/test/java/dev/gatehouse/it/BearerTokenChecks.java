package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.accessToken;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.Forgeries;
import dev.gatehouse.test.LocalOpenIdProvider;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The accept and reject checks every deployment must pass, whatever the container and however the
 * filter was registered. A subclass says where the applications run.
 *
 * <p>One provider and one application serve the checks that do not disturb them; the checks that
 * rotate keys or stop the provider get a provider and applications of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BearerTokenChecks {

  static final String ME = "/api/me";
  static final String ORDERS = "/api/orders";

  private LocalOpenIdProvider provider;
  private ProtectedApps apps;
  private URI app;

  /** Where the applications of this test class run. */
  protected abstract ProtectedApps applications() throws Exception;

  @BeforeAll
  void startProviderAndApplication() throws Exception {
    provider = ClientTokens.startProvider();
    apps = applications();
    app = apps.start("app", provider.issuer());
  }

  @AfterAll
  void stopAll() throws Exception {
    try {
      if (apps != null) {
        apps.close();
      }
    } finally {
      if (provider != null) {
        provider.close();
      }
    }
  }

  protected LocalOpenIdProvider provider() {
    return provider;
  }

  protected URI app() {
    return app;
  }

  // ---- accepted ----------------------------------------------------------------------------

  @Test
  void clientCredentialsTokenWithAudienceAndScopeIsAcceptedAndEchoed() {
    String token = clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), readOrders());

    Me me =
        bearer(token)
            .get(url(app, ME))
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .extract()
            .as(Me.class);
    assertEquals(SUBJECT, me.subject());
    assertEquals(Set.of("read:orders"), Set.copyOf(me.scopes()));
    assertEquals(CLIENT_ID, me.clientId());

    bearer(token).get(url(app, ORDERS)).then().statusCode(200).contentType(ContentType.JSON);
  }

  @Test
  void audienceAsArrayIsAcceptedWhenItContainsTheApi() {
    String token =
        clientCredentials(
            provider, CLIENT_ID, List.of("https://billing.example/api", AUDIENCE), readOrders());
    assertInstanceOf(List.class, claimsOf(token).get("aud"), "precondition: aud is an array");

    bearer(token).get(url(app, ORDERS)).then().statusCode(200);
  }

  @Test
  void auth0PermissionsClaimGrantsScopes() {
    String token =
        clientCredentials(
            provider,
            CLIENT_ID,
            List.of(AUDIENCE),
            Map.of("permissions", List.of("read:orders", "write:orders")));
    assertNull(claimsOf(token).get("scope"), "precondition: no scope claim");

    Me me = bearer(token).get(url(app, ME)).then().statusCode(200).extract().as(Me.class);
    assertEquals(Set.of("read:orders", "write:orders"), Set.copyOf(me.scopes()));
    bearer(token).get(url(app, ORDERS)).then().statusCode(200);
  }

  @Test
  void schemeNameIsCaseInsensitive() {
    String token = clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), readOrders());

    given().header("Authorization", "bearer " + token).get(url(app, ME)).then().statusCode(200);
    given().header("Authorization", "BEARER " + token).get(url(app, ME)).then().statusCode(200);
  }

  // ---- refused -----------------------------------------------------------------------------

  @Test
  void requestWithoutTokenGetsBareChallenge() {
    Response response = given().get(url(app, ME));

    response
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", Challenges.bare())
        .header("Cache-Control", "no-store")
        .body("error", nullValue());
  }

  @Test
  void expiredTokenIsRefused() {
    String token =
        accessToken(provider).issuedAgo(Duration.ofHours(2)).expiresIn(Duration.ofHours(1)).build();

    assertRefused(bearer(token).get(url(app, ME)), 401, Rejection.EXPIRED);
  }

  @Test
  void tokenNotYetValidIsRefused() {
    String token = accessToken(provider).notBeforeIn(Duration.ofMinutes(10)).build();

    assertRefused(bearer(token).get(url(app, ME)), 401, Rejection.NOT_YET_VALID);
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    // Another tenant of the same provider: same signing key, different iss.
    String otherTenant = accessToken(provider).issuer(provider.issuer() + "/other-tenant").build();
    assertRefused(bearer(otherTenant).get(url(app, ME)), 401, Rejection.WRONG_ISSUER);

    // iss is compared exactly: a trailing slash is another issuer.
    String trailingSlash = accessToken(provider).issuer(provider.issuer() + "/").build();
    assertRefused(bearer(trailingSlash).get(url(app, ME)), 401, Rejection.WRONG_ISSUER);
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    String token =
        clientCredentials(
            provider, CLIENT_ID, List.of("https://billing.example/api"), readOrders());

    assertRefused(bearer(token).get(url(app, ME)), 401, Rejection.WRONG_AUDIENCE);
  }

  @Test
  void idTokenIsNotAccepted() {
    // What a browser login yields for the web app: aud names the client, not an API.
    String idToken =
        provider
            .tokens()
            .valid()
            .subject("auth0|alice")
            .audiences("orders-web-app")
            .clientId("orders-web-app")
            .claim("nonce", "it-nonce")
            .type("JWT")
            .build();
    assertEquals("orders-web-app", claimsOf(idToken).get("aud"), "precondition: an ID token");

    assertRefused(bearer(idToken).get(url(app, ME)), 401, Rejection.WRONG_AUDIENCE);
  }

  @Test
  void tokenWithBadSignatureIsRefused() {
    String scopeAdded =
        Forgeries.tampered(accessToken(provider).build(), "scope", "read:orders write:orders");
    assertRefused(bearer(scopeAdded).get(url(app, ORDERS)), 401, Rejection.INVALID_SIGNATURE);

    String genuine = accessToken(provider).build();
    String otherKeySameKid = Forgeries.signedBy(genuine, Forgeries.attackerKey(), keyIdOf(genuine));
    assertRefused(bearer(otherKeySameKid).get(url(app, ME)), 401, Rejection.INVALID_SIGNATURE);
  }

  @Test
  void unsignedAlgNoneTokenIsRefused() {
    String unsigned = Forgeries.unsigned(accessToken(provider).build());

    assertRefused(bearer(unsigned).get(url(app, ME)), 401, Rejection.MALFORMED_TOKEN);
    // The same with a made-up signature segment reaches the algorithm check.
    assertRefused(
        bearer(unsigned + "c2ln").get(url(app, ME)), 401, Rejection.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void hs256SignedWithProviderPublicKeyIsRefused() {
    String token =
        Forgeries.hmacWithPublicKey(
            accessToken(provider).build(), provider.tokens().publicKeyPem());

    assertRefused(bearer(token).get(url(app, ME)), 401, Rejection.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void tokensSignedWithKeysTheJwksDoesNotHoldAreRefusedWithinTheUnknownKidFetchLimit() {
    // Keys are loaded by a valid request first, so only unknown kids can cause fetches below.
    bearer(accessToken(provider).build()).get(url(app, ME)).then().statusCode(200);
    int fetches = provider.jwksRequests();
    var stranger = Forgeries.attackerKey();
    int limit = KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute();

    for (int i = 0; i < limit + 4; i++) {
      String token =
          Forgeries.signedBy(accessToken(provider).build(), stranger, "unpublished-" + i);
      assertRefused(bearer(token).get(url(app, ME)), 401, Rejection.UNKNOWN_KEY);
    }
    int extra = provider.jwksRequests() - fetches;
    assertTrue(
        extra <= limit,
        "unknown kids caused " + extra + " JWKS fetches; at most " + limit + " a minute allowed");
  }

  @Test
  void malformedTokenIsRefused() {
    assertRefused(bearer("not-a-jwt").get(url(app, ME)), 401, Rejection.MALFORMED_TOKEN);
    assertRefused(bearer("abc.def.ghi").get(url(app, ME)), 401, Rejection.MALFORMED_TOKEN);
  }

  @Test
  void twoTokensAreABadRequest() {
    String token = accessToken(provider).build();
    Headers twoAuthorizations =
        new Headers(
            new Header("Authorization", "Bearer " + token),
            new Header("Authorization", "Bearer " + token));

    Response response = given().headers(twoAuthorizations).get(url(app, ME));

    assertRefused(response, 400, Rejection.MULTIPLE_TOKENS);
  }

  @Test
  void tokenWithoutRequiredScopeIsForbidden() {
    String token =
        clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), Map.of("scope", "profile"));

    bearer(token).get(url(app, ME)).then().statusCode(200);
    bearer(token)
        .get(url(app, ORDERS))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", Challenges.insufficientScope("read:orders"))
        .header("Cache-Control", "no-store")
        .body("error", equalTo("insufficient_scope"))
        .body("scope", equalTo("read:orders"));
  }

  // ---- the provider changes or fails -------------------------------------------------------

  @Test
  void providerDownIsServiceUnavailableUnlessKeysAreCached() throws Exception {
    try (LocalOpenIdProvider failing = ClientTokens.startProvider()) {
      URI warm = apps.start("warm", failing.issuer());
      URI cold = apps.start("cold", failing.issuer());
      String token = accessToken(failing).build();
      bearer(token).get(url(warm, ME)).then().statusCode(200);

      failing.takeDown();

      // Cached keys keep deciding while the provider is away.
      bearer(token).get(url(warm, ME)).then().statusCode(200);
      // Without any, the answer is "try later", not "your token is bad".
      for (int attempt = 0; attempt < 2; attempt++) {
        bearer(token)
            .get(url(cold, ME))
            .then()
            .statusCode(503)
            .header("WWW-Authenticate", nullValue())
            .header("Retry-After", matchesPattern("[0-9]+"))
            .header(
                "Retry-After",
                Integer::parseInt,
                allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(30)))
            .header("Cache-Control", "no-store")
            .body("error", equalTo("temporarily_unavailable"));
      }
    }
  }

  @Test
  void rotatedProviderKeyIsPickedUpWithoutRestartAndOneJwksFetch() throws Exception {
    Duration cooldown = Duration.ofSeconds(1);
    try (LocalOpenIdProvider rotating = ClientTokens.startProvider()) {
      Map<String, String> settings = ProtectedApps.trusting(rotating.issuer());
      settings.put("gatehouse.jwks.refresh-cooldown", cooldown.toSeconds() + "s");
      URI rotation = apps.start("rotation", settings);
      String before = clientCredentials(rotating, CLIENT_ID, List.of(AUDIENCE), readOrders());
      bearer(before).get(url(rotation, ORDERS)).then().statusCode(200);
      int fetches = rotating.jwksRequests();

      // A rotation right after a fetch: the new kid is fetched on its first token, whatever the
      // cooldown (it only spaces retries after failures).
      rotating.rotateKeys();
      rotating.withdrawRetiredKeys();
      String after = clientCredentials(rotating, CLIENT_ID, List.of(AUDIENCE), readOrders());
      assertNotEquals(keyIdOf(before), keyIdOf(after));
      for (int i = 0; i < 3; i++) {
        bearer(after).get(url(rotation, ORDERS)).then().statusCode(200);
      }
      int extra = rotating.jwksRequests() - fetches;
      assertTrue(extra <= 1, "rotation caused " + extra + " JWKS fetches; at most 1 allowed");

      // The provider no longer publishes the old key, so its tokens stop working.
      assertRefused(bearer(before).get(url(rotation, ORDERS)), 401, Rejection.UNKNOWN_KEY);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  static Map<String, Object> readOrders() {
    return Map.of("scope", "read:orders");
  }

  static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  static String url(URI base, String path) {
    return base + path;
  }

  /** {@code status}, and the challenge and body Gatehouse writes for {@code rejection}. */
  static void assertRefused(Response response, int status, Rejection rejection) {
    response
        .then()
        .statusCode(status)
        .header("WWW-Authenticate", Challenges.of(rejection))
        .header("Cache-Control", "no-store")
        .contentType(ContentType.JSON)
        .body("error", equalTo(rejection.error().orElseThrow().code()))
        .body("error_description", equalTo(rejection.description()))
        .body("scope", nullValue());
  }

  /** The payload of a JWS, read without verifying it: for checking test preconditions only. */
  static Map<String, Object> claimsOf(String jws) {
    return part(jws, 1);
  }

  /** The {@code kid} a JWS names in its header. */
  static String keyIdOf(String jws) {
    return (String) part(jws, 0).get("kid");
  }

  private static Map<String, Object> part(String jws, int index) {
    String[] parts = jws.split("\\.");
    try {
      return JsonUtil.parseJson(
          new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    } catch (JoseException e) {
      throw new IllegalStateException("not a JWS part", e);
    }
  }
}
