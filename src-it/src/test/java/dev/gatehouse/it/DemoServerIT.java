package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared checks against the embedded-Jetty demo, where the filter is added in code, plus the
 * demo's own routes: a public health check and a write that needs its own scope.
 */
class DemoServerIT extends BearerTokenChecks {

  @Override
  protected ProtectedApps applications() {
    return new DemoApps();
  }

  @Test
  void healthIsPublic() {
    given().get(url(app(), "/health")).then().statusCode(200);
  }

  @Test
  void placingAnOrderNeedsWriteScope() {
    String reader = clientCredentials(provider(), CLIENT_ID, List.of(AUDIENCE), readOrders());
    bearer(reader)
        .formParam("item", "green tea")
        .post(url(app(), ORDERS))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", Challenges.insufficientScope("write:orders"))
        .body("error", equalTo(Rejection.INSUFFICIENT_SCOPE.error().orElseThrow().code()))
        .body("scope", equalTo("write:orders"));

    String writer =
        clientCredentials(
            provider(), CLIENT_ID, List.of(AUDIENCE), Map.of("scope", "read:orders write:orders"));
    bearer(writer)
        .formParam("item", "green tea")
        .formParam("quantity", "2")
        .post(url(app(), ORDERS))
        .then()
        .statusCode(201);
  }

  @Test
  void meEchoesTheTokenExpiry() {
    String token = clientCredentials(provider(), CLIENT_ID, List.of(AUDIENCE), readOrders());
    bearer(token)
        .get(url(app(), ME))
        .then()
        .statusCode(200)
        .body("subject", equalTo(SUBJECT))
        .body("expires_at", notNullValue());
  }
}
