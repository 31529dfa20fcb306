package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.testing.RawHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 9 in a real container: with {@code * /api/secret deny} in front of a Jersey
 * application, no spelling of {@code /api/secret} reaches it. Every request is a raw request line
 * ({@link RawHttp}); the default is {@code permit}, so a path the filter does not stop answers 200
 * from Jersey or from the catch-all servlet, and a bypass would show as a 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PathRulesChecks {

  static final String DENIED = Challenges.of(Rejection.PATH_DENIED);
  static final String AMBIGUOUS = Challenges.of(Rejection.AMBIGUOUS_PATH);

  /** Spellings with more than one reading; each is refused by the container or by the filter. */
  static final List<String> AMBIGUOUS_SPELLINGS =
      List.of(
          "/api/secret%3b",
          "/api/secret%3B",
          "/api/secret%3bv=1",
          "/api/hello/../secret",
          "/api/hello/./../secret",
          "/api/./secret",
          "/api/hello/..;/secret",
          "/api/.;v=1/secret",
          "/api/hello;v=1/../secret",
          "/api/hello/%2e%2e/secret",
          "/api/hello/.%2e/secret",
          "/api//secret",
          "/api/;v=1/secret",
          "/api/hello/..%2fsecret",
          "/api%2fsecret",
          "/api/hello/..%5csecret",
          "/api/hello/..\\secret",
          "/api/%2573ecret",
          "/api/secret%2e");

  private JaxRsApp.Host host;
  private URI app;

  /** The container under test, not started. */
  protected abstract JaxRsApp.Host host();

  /** The spellings this container answers with its own 400, before any filter runs. */
  protected abstract Set<String> refusedByTheContainer();

  @BeforeAll
  void start() throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    // Never contacted: no request here carries a token.
    settings.put("gatehouse.issuer", "http://127.0.0.1:9/");
    settings.put("gatehouse.audiences", ClientTokens.AUDIENCE);
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    settings.put("gatehouse.rules", "* /api/secret deny\n* /api/admin/* scopes=admin\n");
    settings.put("gatehouse.rules.default", "permit");
    host = host();
    app = host.start(settings);
  }

  @AfterAll
  void stop() throws Exception {
    host.close();
  }

  /** {@code path} below the application, written byte for byte: clients would normalise it. */
  private RawHttp.Response get(String path) {
    return RawHttp.get(app.getPort(), app.getRawPath() + path);
  }

  private static void assertReply(
      int status, String challenge, String body, RawHttp.Response reply) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals(challenge, reply.challenge(), reply::toString);
    if (body != null) {
      assertEquals(body, reply.body().strip(), reply::toString);
    }
  }

  @Test
  void whenJerseyWouldServeADeniedResourceWithATrailingSlashThenTheFilterStillDenies() {
    assertReply(200, null, "jersey:hello", get("/api/hello/"));

    assertReply(403, DENIED, null, get("/api/secret/"));
    assertReply(403, DENIED, null, get("/api/secret"));
  }

  @Test
  void whenALetterOfTheDeniedNameIsPercentEncodedThenTheRuleSeesTheDecodedName() {
    assertReply(403, DENIED, null, get("/api/secre%74"));
    assertReply(403, DENIED, null, get("/api/%73ecret/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/API/secret", "/api/SECRET", "/Api/Secret/", "/API/admin/users"})
  void whenARuledPathIsWrittenInAnotherCaseThenTheFilterRefusesItAsAmbiguous(String path) {
    assertReply(400, AMBIGUOUS, null, get(path));
  }

  @Test
  void whenAPathParameterFollowsTheDeniedNameThenTheContainerDropsItAndTheDenyHolds() {
    assertReply(200, null, "jersey:hello", get("/api/hello;v=1"));

    assertReply(403, DENIED, null, get("/api/secret;v=1"));
    assertReply(403, DENIED, null, get("/api/secret;jsessionid=0123"));
  }

  @Test
  void whenAnAmbiguousSpellingIsSentThenItIsRefusedWith400ByTheContainerOrByTheFilter() {
    assertAll(
        AMBIGUOUS_SPELLINGS.stream()
            .map(
                path ->
                    (org.junit.jupiter.api.function.Executable)
                        () ->
                            assertReply(
                                400,
                                refusedByTheContainer().contains(path) ? null : AMBIGUOUS,
                                null,
                                get(path))));
  }

  @Test
  void whenAPathIsSpelledPlainlyThenTheApplicationAnswers() {
    assertReply(200, null, "jersey:hello", get("/api/hello"));
    assertReply(200, null, "anything:/elsewhere/", get("/elsewhere/"));
    assertReply(401, Challenges.bare(), null, get("/api/admin/users/"));
  }
}
