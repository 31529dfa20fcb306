package dev.gatehouse.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.test.LocalOpenIdProvider;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A WAR with Gatehouse can be undeployed (and so redeployed) without leaking: nothing the filter
 * leaves on the container's threads holds one of the application's classes, which would keep the
 * whole application (its class loader, its jars' classes, its caches) in memory after every
 * redeploy. Tomcat checks every thread when an application stops, and says so when it finds
 * something; this test failed on the per-thread digest scratch and jose4j parser it replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatRedeployIT {

  private LocalOpenIdProvider provider;
  private TomcatWarHost tomcat;

  @BeforeAll
  void start() throws Exception {
    provider = ClientTokens.startProvider();
    tomcat = new TomcatWarHost(Wars.webXml());
  }

  @AfterAll
  void stop() throws Exception {
    try {
      tomcat.close();
    } finally {
      provider.close();
    }
  }

  @Test
  void stoppingAnApplicationLeavesNothingOfItsOnTheContainersThreads() throws Exception {
    URI app = tomcat.start("redeployed", provider.issuer());
    // Every per-request path that keeps something between requests: a first verification, a
    // cache hit, a claims document only jose4j's own parser reads (a fraction), and refusals.
    String token = ClientTokens.accessToken(provider).build();
    String fraction = ClientTokens.accessToken(provider).claim("ratio", 0.5).build();
    // One request first, on this thread: REST Assured's Groovy initialises its classes on first
    // use through the common pool, and when that first use is on the common pool's own threads
    // (the parallel stream below) it can deadlock (seen on Java 25, when this class ran first).
    assertEquals(200, status(app, token));
    // Enough concurrent requests to reach several of the connector's threads.
    IntStream.range(0, 40)
        .parallel()
        .forEach(
            i -> {
              assertEquals(200, status(app, token));
              assertEquals(200, status(app, fraction));
              assertEquals(401, status(app, token + "x"));
            });

    List<String> reported = tomcat.undeploy("redeployed");

    List<String> leaks =
        reported.stream().filter(message -> message.contains("ThreadLocal")).toList();
    assertEquals(List.of(), leaks, "Tomcat found per-thread values it had to leave behind");
    // The outbound calls above (discovery, JWKS) ran under a deadline timer: its thread must not
    // count as one the application started and failed to stop.
    List<String> threads =
        reported.stream().filter(message -> message.contains("started a thread")).toList();
    assertEquals(List.of(), threads, "Tomcat found threads the application left running");
  }

  private static int status(URI app, String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .get(app + BearerTokenChecks.ME)
        .statusCode();
  }
}
