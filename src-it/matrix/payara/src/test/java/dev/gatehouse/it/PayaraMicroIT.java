package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.LocalOpenIdProvider;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * war-ee on Payara Micro 7, a full Jakarta EE server from its Maven Central distribution, in a
 * process of its own on Java 21 or later. Without such a JDK the class is skipped with a line that
 * says so, unless {@code CI=true}, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayaraMicroIT {

  private LocalOpenIdProvider provider;
  private PayaraMicro payara;
  private URI app;

  @BeforeAll
  void startProviderAndServer() throws Exception {
    Optional<Path> java = Java21.find();
    if (java.isEmpty()) {
      String why =
          "*** SKIPPED PayaraMicroIT: Payara Micro 7 needs Java 21 or later, and neither this JVM"
              + " nor /usr/lib/jvm has one";
      if ("true".equals(System.getenv("CI"))) {
        fail(why.replace("*** SKIPPED", "required with CI=true:"));
      }
      System.err.println(why);
      Assumptions.abort(why);
    }
    provider = ClientTokens.startProvider();
    payara =
        PayaraMicro.start(
            java.get(),
            Path.of(System.getProperty("gatehouse.it.payara.jar")),
            Path.of(System.getProperty("gatehouse.it.war.ee")),
            ProtectedApps.trusting(provider.issuer()));
    app = payara.app("war-ee");
  }

  @AfterAll
  void stopAll() throws Exception {
    try {
      if (payara != null) {
        payara.close();
      }
    } finally {
      if (provider != null) {
        provider.close();
      }
    }
  }

  @Test
  void whenThereIsNoTokenThenGatehouseRefusesBeforeTheApplication() {
    given()
        .get(app + "/api/orders")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo(Challenges.bare()));
  }

  @Test
  void whenTheServersJaxRsAsksSecurityContextThenItAnswersFromTheToken() {
    bearer(token("read:orders"))
        .get(app + "/api/me")
        .then()
        .statusCode(200)
        .body(equalTo("name=" + SUBJECT + "\nread:orders=true\n"));
  }

  @Test
  void whenTheTokenCarriesTheScopeThenTheBeansRolesAllowedLetsTheCallThrough() {
    bearer(token("read:orders"))
        .get(app + "/api/orders")
        .then()
        .statusCode(200)
        .body(equalTo("orders of " + SUBJECT));
  }

  @Test
  void whenTheTokenLacksTheScopeThenTheBeansRolesAllowedRefusesTheCall() {
    bearer(token("profile"))
        .get(app + "/api/orders")
        .then()
        .statusCode(403)
        .body(equalTo("refused by the bean"));
  }

  private String token(String scope) {
    return clientCredentials(provider, CLIENT_ID, List.of(AUDIENCE), Map.of("scope", scope));
  }

  private static RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
