package dev.gatehouse.it;

import static dev.gatehouse.it.ClientTokens.AUDIENCE;
import static dev.gatehouse.it.ClientTokens.CLIENT_ID;
import static dev.gatehouse.it.ClientTokens.SUBJECT;
import static dev.gatehouse.it.ClientTokens.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.LocalOpenIdProvider;
import io.restassured.response.Response;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2: identity headers in the dispatches that follow the client's request. A client
 * that sends {@code X-Auth-Subject} itself must never have it shown to an error page after {@code
 * sendError(404)} or to the target of {@code startAsync().dispatch()}, however the filter is
 * mapped; mapped for every dispatcher type, those see the token's identity.
 */
abstract class IdentityDispatchChecks {

  private static final String FORGED = "auth0|admin";

  private static LocalOpenIdProvider provider;
  private DispatchApp app;

  /** A new, not yet started application in the container under test. */
  protected abstract DispatchApp container();

  @BeforeAll
  static void startProvider() {
    provider = ClientTokens.startProvider();
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  @AfterEach
  void stopApp() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private URI start(Set<DispatcherType> dispatch) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>(ProtectedApps.trusting(provider.issuer()));
    settings.put("gatehouse.audiences", AUDIENCE);
    settings.put("gatehouse.identity-headers", "true");
    app = container();
    return app.start(dispatch, settings);
  }

  private static String token() {
    return clientCredentials(
        provider, CLIENT_ID, List.of(AUDIENCE), Map.of("scope", "read:orders"));
  }

  private static Response call(URI base, String path, boolean forged) {
    var request = given().header("Authorization", "Bearer " + token());
    if (forged) {
      request.header("X-Auth-Subject", FORGED);
    }
    return request.get(base + path);
  }

  private static Map<String, String> seen(Response response) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : response.asString().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  private static void assertRefusedBeforeAnyDispatch(Response response) {
    assertEquals(400, response.statusCode(), response::asString);
    assertEquals(
        "Bearer realm=\"api\", error=\"invalid_request\", error_description=\""
            + Rejection.IDENTITY_HEADER_FROM_CLIENT.description()
            + "\"",
        response.header("WWW-Authenticate"));
    assertFalse(response.asString().contains(FORGED), response::asString);
  }

  @Test
  void whenAForgedSubjectRidesOnAnAuthenticatedRequestThenTheErrorPageNeverSeesIt()
      throws Exception {
    URI base = start(EnumSet.of(DispatcherType.REQUEST));

    assertRefusedBeforeAnyDispatch(call(base, "/api/missing", true));
  }

  @Test
  void whenAForgedSubjectRidesOnAnAuthenticatedRequestThenTheAsyncDispatchTargetNeverSeesIt()
      throws Exception {
    URI base = start(EnumSet.of(DispatcherType.REQUEST));

    assertRefusedBeforeAnyDispatch(call(base, "/api/async", true));
  }

  @Test
  void whenMappedForEveryDispatchThenAForgedSubjectIsRefusedAllTheSame() throws Exception {
    URI base = start(EnumSet.allOf(DispatcherType.class));

    assertRefusedBeforeAnyDispatch(call(base, "/api/missing", true));
    assertRefusedBeforeAnyDispatch(call(base, "/api/async", true));
  }

  @Test
  void whenMappedForEveryDispatchThenTheErrorPageSeesTheTokensIdentity() throws Exception {
    URI base = start(EnumSet.allOf(DispatcherType.class));

    Response response = call(base, "/api/missing", false);

    assertEquals(404, response.statusCode(), response::asString);
    Map<String, String> seen = seen(response);
    assertEquals("ERROR", seen.get("dispatch"));
    assertEquals(SUBJECT, seen.get("principal"));
    assertEquals(SUBJECT, seen.get("header.X-Auth-Subject"));
    assertEquals("read:orders", seen.get("header.X-Auth-Scopes"));
  }

  @Test
  void whenMappedForEveryDispatchThenTheAsyncDispatchTargetSeesTheTokensIdentity()
      throws Exception {
    URI base = start(EnumSet.allOf(DispatcherType.class));

    Response response = call(base, "/api/async", false);

    assertEquals(200, response.statusCode(), response::asString);
    Map<String, String> seen = seen(response);
    assertEquals("ASYNC", seen.get("dispatch"));
    assertEquals(SUBJECT, seen.get("principal"));
    assertEquals(SUBJECT, seen.get("header.X-Auth-Subject"));
  }

  @Test
  void whenMappedForRequestsOnlyThenTheErrorPageSeesNoIdentityHeaderAtAll() throws Exception {
    URI base = start(EnumSet.of(DispatcherType.REQUEST));

    Response response = call(base, "/api/missing", false);

    assertEquals(404, response.statusCode(), response::asString);
    assertEquals("null", seen(response).get("header.X-Auth-Subject"));
  }
}
