package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.LocalOpenIdProvider;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * war-jaxrs as deployed: JAX-RS's {@code @RolesAllowed} and {@code SecurityContext} answer from
 * Gatehouse's principal and the token's scopes (a role is a scope). The filter only asks for a
 * valid token; a 403 without a challenge header shows Jersey refused, not the filter. A subclass
 * says which container runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JaxRsWarChecks {

  private LocalOpenIdProvider provider;
  private ProtectedApps apps;
  private URI app;

  /** A container deploying {@link Wars#jaxRs()}. */
  protected abstract ProtectedApps applications() throws Exception;

  @BeforeAll
  void startProviderAndApplication() throws Exception {
    provider = ClientTokens.startProvider();
    apps = applications();
    app = apps.start("jaxrs", provider.issuer());
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

  @Test
  void whenTheTokenCarriesTheScopeThenRolesAllowedLetsTheResourceAnswerAsItsSubject() {
    bearer(token(Map.of("scope", "read:orders")))
        .get(app + "/api/orders")
        .then()
        .statusCode(200)
        .body(equalTo("orders of " + SUBJECT));
  }

  @Test
  void whenTheTokenLacksTheScopeThenRolesAllowedRefusesWith403AndNoChallenge() {
    bearer(token(Map.of("scope", "profile")))
        .get(app + "/api/orders")
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", nullValue());
  }

  @Test
  void whenAnotherMethodNeedsAnotherScopeThenEachMethodIsJudgedByItsOwnRole() {
    String reader = token(Map.of("scope", "read:orders"));
    bearer(reader).post(app + "/api/orders").then().statusCode(403);

    String writer = token(Map.of("scope", "write:orders"));
    bearer(writer)
        .post(app + "/api/orders")
        .then()
        .statusCode(200)
        .body(equalTo("order placed by " + SUBJECT));
  }

  @Test
  void whenTheResourceAsksSecurityContextThenItAnswersFromTheToken() {
    bearer(token(Map.of("permissions", List.of("write:orders"))))
        .get(app + "/api/me")
        .then()
        .statusCode(200)
        .body(
            equalTo("name=" + SUBJECT + "\nscheme=Bearer\nread:orders=false\nwrite:orders=true\n"));
  }

  @Test
  void whenThereIsNoTokenThenGatehouseRefusesBeforeJerseyRuns() {
    given()
        .get(app + "/api/orders")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo(Challenges.bare()));
  }

  private String token(Map<String, Object> claims) {
    return clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), claims);
  }

  private static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
