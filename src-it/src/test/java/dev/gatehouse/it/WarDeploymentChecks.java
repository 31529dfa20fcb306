package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared checks against a sample WAR, plus what only a WAR's own servlets show: the container's
 * security calls answer from the token.
 */
abstract class WarDeploymentChecks extends BearerTokenChecks {

  @Test
  void containerSecurityCallsAnswerFromTheToken() {
    String reader = clientCredentials(provider(), CLIENT_ID, List.of(AUDIENCE), readOrders());
    bearer(reader)
        .get(url(app(), ME))
        .then()
        .statusCode(200)
        .body("remote_user", equalTo(SUBJECT))
        .body("auth_type", equalTo("Bearer"))
        .body("can_read_orders", equalTo(true));

    String other =
        clientCredentials(provider(), CLIENT_ID, List.of(AUDIENCE), Map.of("scope", "profile"));
    bearer(other)
        .get(url(app(), ME))
        .then()
        .statusCode(200)
        .body("can_read_orders", equalTo(false));
  }
}
