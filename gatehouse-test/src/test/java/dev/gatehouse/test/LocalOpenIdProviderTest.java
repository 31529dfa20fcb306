package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider's endpoints, over HTTP, as any client sees them. */
class LocalOpenIdProviderTest {

  static final LocalOpenIdProvider provider = LocalOpenIdProvider.start("https://api.example.com");
  static final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void heal() {
    provider.reset();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void whenDiscoveryIsReadThenItNamesTheIssuerAndEveryEndpointOnLoopback() throws Exception {
    int before = provider.discoveryRequests();
    Map<String, Object> doc = json(get(provider.discoveryUri()));

    assertEquals(before + 1, provider.discoveryRequests());
    assertEquals(provider.issuer(), doc.get("issuer"));
    assertEquals(true, provider.issuer().startsWith("http://127.0.0.1:"));
    assertEquals(provider.issuer() + "/jwks", doc.get("jwks_uri"));
    assertEquals(provider.issuer() + "/token", doc.get("token_endpoint"));
    assertEquals(provider.issuer() + "/introspect", doc.get("introspection_endpoint"));
  }

  @Test
  void whenTheJwksIsReadThenItHoldsOnlyPublicKeysForTheFourAlgorithms() throws Exception {
    HttpResponse<String> response = get(provider.jwksUri());

    JsonWebKeySet jwks = new JsonWebKeySet(response.body());
    assertEquals(
        List.of("RS256", "PS256", "ES256", "EdDSA"),
        jwks.getJsonWebKeys().stream().map(k -> k.getAlgorithm()).toList());
    assertEquals(false, response.body().contains("\"d\""), "no private key part");
  }

  @Test
  void whenKeysRotateThenOldKeysStayPublishedUntilWithdrawn() throws Exception {
    provider.rotateKeys();
    assertEquals(8, new JsonWebKeySet(get(provider.jwksUri()).body()).getJsonWebKeys().size());

    provider.withdrawRetiredKeys();
    assertEquals(4, new JsonWebKeySet(get(provider.jwksUri()).body()).getJsonWebKeys().size());
  }

  @Test
  void whenTheJwksIsTakenDownThen503UntilBroughtBack() throws Exception {
    int before = provider.jwksRequests();
    provider.takeJwksDown();
    assertEquals(503, get(provider.jwksUri()).statusCode());

    provider.bringJwksBack();
    assertEquals(200, get(provider.jwksUri()).statusCode());
    assertEquals(before + 2, provider.jwksRequests());
  }

  @Test
  void whenTheProviderIsTakenDownThenConnectionsAreRefusedUntilItComesBackOnTheSamePort()
      throws Exception {
    try (LocalOpenIdProvider alone = LocalOpenIdProvider.start("https://api.example.com")) {
      alone.takeDown();
      assertThrows(java.net.ConnectException.class, () -> get(alone.discoveryUri()));

      alone.bringBack();
      assertEquals(alone.issuer(), json(get(alone.discoveryUri())).get("issuer"));
    }
  }

  @Test
  void whenAClientAsksWithItsSecretThenItGetsABearerTokenForTheRequestedScopes() throws Exception {
    HttpResponse<String> response =
        post(
            provider.tokenEndpoint(),
            "grant_type=client_credentials&scope=read:orders%20write:orders",
            basic("test-client", "test-secret"));

    Map<String, Object> body = json(response);
    assertEquals(200, response.statusCode());
    assertEquals("Bearer", body.get("token_type"));
    assertEquals(300L, body.get("expires_in"));
    Map<String, Object> claims = payload((String) body.get("access_token"));
    assertEquals("read:orders write:orders", claims.get("scope"));
    assertEquals("test-client", claims.get("client_id"));
    assertEquals("https://api.example.com", claims.get("aud"));
  }

  @Test
  void whenTheResourceParameterNamesAnApiThenTheTokenIsForIt() throws Exception {
    HttpResponse<String> response =
        post(
            provider.tokenEndpoint(),
            "grant_type=client_credentials&resource=https%3A%2F%2Fother.example.com",
            basic("test-client", "test-secret"));

    assertEquals(
        "https://other.example.com",
        payload((String) json(response).get("access_token")).get("aud"));
  }

  @Test
  void whenTheSecretIsWrongThen401InvalidClient() throws Exception {
    HttpResponse<String> response =
        post(
            provider.tokenEndpoint(),
            "grant_type=client_credentials",
            basic("test-client", "guess"));

    assertEquals(401, response.statusCode());
    assertEquals("invalid_client", json(response).get("error"));
  }

  @Test
  void whenTheGrantIsNotClientCredentialsThen400() throws Exception {
    HttpResponse<String> response =
        post(
            provider.tokenEndpoint(),
            "grant_type=password&username=a&password=b",
            basic("test-client", "test-secret"));

    assertEquals(400, response.statusCode());
    assertEquals("unsupported_grant_type", json(response).get("error"));
  }

  @Test
  void whenATokenIsIntrospectedThenActiveUntilRevokedOrExpiredByTheProvidersClock()
      throws Exception {
    String token = provider.tokens().valid().scopes("read:orders").build();
    String opaque = provider.opaqueToken(provider.tokens().valid().subject("bob"));

    assertEquals(true, introspect(token).get("active"));
    assertEquals("read:orders", introspect(token).get("scope"));
    assertEquals("bob", introspect(opaque).get("sub"));

    provider.revoke(token);
    assertEquals(Map.of("active", false), introspect(token));

    provider.clock().advance(Duration.ofMinutes(6));
    assertEquals(Map.of("active", false), introspect(opaque));
  }

  @Test
  void whenIntrospectionHasNoClientCredentialsThen401() throws Exception {
    HttpResponse<String> response = post(provider.introspectionEndpoint(), "token=x", null);

    assertEquals(401, response.statusCode());
  }

  @Test
  void whenAForgedOrForeignTokenIsIntrospectedThenInactive() throws Exception {
    assertEquals(Map.of("active", false), introspect(provider.tokens().otherKey().build()));
    assertEquals(Map.of("active", false), introspect(provider.tokens().unsigned()));
    assertEquals(Map.of("active", false), introspect(provider.tokens().tampered()));
  }

  @Test
  void whenAnUnknownPathOrWrongMethodIsAskedThen404Or405() throws Exception {
    assertEquals(404, get(URI.create(provider.issuer() + "/jwks/other")).statusCode());
    HttpResponse<String> wrongMethod = get(provider.tokenEndpoint());
    assertEquals(405, wrongMethod.statusCode());
    assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void whenTheSettingsAreAskedThenTheyAreGatehouseKeysAndTheirEnvironmentNames() {
    assertEquals(provider.issuer(), provider.settings().get("gatehouse.issuer"));
    assertEquals("https://api.example.com", provider.environment().get("GATEHOUSE_AUDIENCES"));
    assertEquals("true", provider.environment().get("GATEHOUSE_ALLOW_INSECURE_LOOPBACK_HTTP"));
  }

  @Test
  void whenTheClockMovesThenNewTokensAreStampedWithItsTime() throws Exception {
    long before = ((Number) payload(provider.tokens().valid().build()).get("iat")).longValue();
    provider.clock().advance(Duration.ofHours(1));
    long after = ((Number) payload(provider.tokens().valid().build()).get("iat")).longValue();

    assertNotEquals(before, after);
    assertEquals(
        true, Math.abs(after - before - 3600) <= 2, "moved by an hour: " + (after - before));
  }

  private Map<String, Object> introspect(String token) throws Exception {
    return json(
        post(
            provider.introspectionEndpoint(),
            "token=" + token,
            basic("test-client", "test-secret")));
  }

  static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(URI uri, String form, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JsonUtil.parseJson(response.body());
  }

  static Map<String, Object> payload(String jwt) throws Exception {
    return JsonUtil.parseJson(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }
}
