package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the web.xml sample adds through init-params: method and path rules, and a client deny-list.
 * Run on Tomcat and on Jetty, as deployed.
 */
abstract class WebXmlPolicyChecks extends WarDeploymentChecks {

  @Test
  void whenAPostLacksTheScopeItsRuleNamesThenTheFilterRefusesItBeforeAnyServlet() {
    String reader = clientCredentials(provider(), CLIENT_ID, List.of(AUDIENCE), readOrders());

    bearer(reader)
        .post(url(app(), ORDERS))
        .then()
        .statusCode(403)
        .header("WWW-Authenticate", equalTo(Challenges.insufficientScope("write:orders")));
  }

  @Test
  void whenThePostCarriesTheScopeThenTheRuleLetsItThroughToTheServlet() {
    String writer =
        clientCredentials(
            provider(), CLIENT_ID, List.of(AUDIENCE), Map.of("scope", "write:orders"));

    // The sample's orders servlet answers GET only: 405 shows the request got past the filter.
    bearer(writer).post(url(app(), ORDERS)).then().statusCode(405);
  }

  @Test
  void whenTheTokensClientIsOnTheDenyListThenItIsRefused() {
    String retired =
        clientCredentials(provider(), "retired-client", List.of(AUDIENCE), readOrders());

    bearer(retired)
        .get(url(app(), ME))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo(Challenges.of(Rejection.CLIENT_NOT_ALLOWED)));
  }
}
