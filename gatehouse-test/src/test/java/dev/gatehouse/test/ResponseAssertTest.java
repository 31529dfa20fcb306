package dev.gatehouse.test;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The assertions pass on Gatehouse's real answers and fail on anything else. */
class ResponseAssertTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  static ProtectedApp app;

  @BeforeAll
  static void start() throws Exception {
    java.util.Map<String, String> settings = new java.util.HashMap<>(kit.provider().settings());
    settings.put("gatehouse.required-scopes", "read:orders");
    settings.put("gatehouse.realm", "orders");
    app = ProtectedApp.withInitParams(settings);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void whenTheScopeIsMissingThenEveryPartOfTheRefusalIsChecked(Tokens tokens) throws Exception {
    HttpResponse<String> response = app.get(tokens.valid().build());

    assertThat(response)
        .isRefused(Rejection.INSUFFICIENT_SCOPE)
        .withRealm("orders")
        .withScope("read:orders")
        .withChallenge(
            "Bearer realm=\"orders\", error=\"insufficient_scope\", error_description=\"The access token lacks a required scope.\", scope=\"read:orders\"");
  }

  @Test
  void whenTheReasonDiffersThenIsRefusedFails(Tokens tokens) throws Exception {
    HttpResponse<String> expired = app.get(tokens.expired().scopes("read:orders").build());

    assertThrows(
        AssertionFailedError.class, () -> assertThat(expired).isRefused(Rejection.WRONG_AUDIENCE));
    assertThrows(
        AssertionFailedError.class,
        () -> assertThat(expired).isRefused(Rejection.INSUFFICIENT_SCOPE));
    assertThrows(AssertionFailedError.class, () -> assertThat(expired).isAccepted());
    assertThat(expired).isRefused(Rejection.EXPIRED);
  }

  @Test
  void whenTheRealmScopeOrChallengeDifferThenTheirAssertionsFail(Tokens tokens) throws Exception {
    Refusal refusal =
        assertThat(app.get(tokens.valid().build())).isRefused(Rejection.INSUFFICIENT_SCOPE);

    assertThrows(AssertionFailedError.class, () -> refusal.withRealm("api"));
    assertThrows(AssertionFailedError.class, () -> refusal.withScope("write:orders"));
    assertThrows(
        AssertionFailedError.class, () -> refusal.withChallenge("Bearer realm=\"orders\""));
  }

  @Test
  void whenAcceptedThenRefusalAssertionsFailAndAcceptedPasses(Tokens tokens) throws Exception {
    HttpResponse<String> ok = app.get(tokens.valid().scopes("read:orders").build());

    assertThat(ok).isAccepted().hasStatus(200);
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> assertThat(ok).isRefused(Rejection.MISSING_TOKEN));
    assertTrue(e.getMessage().contains("missing_token (401), got 200"), e.getMessage());
    assertThrows(AssertionFailedError.class, () -> assertThat(ok).isUnavailable());
  }

  @Test
  void whenTheTokenIsMissingThenTheBareChallengeIsExpected() throws Exception {
    HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(app.api()).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response)
        .isRefused(Rejection.MISSING_TOKEN)
        .withChallenge("Bearer realm=\"orders\", DPoP " + Challenges.DEFAULT_DPOP_ALGS);
  }

  @Test
  void whenADpopProofIsReplayedThenTheRefusalIsCheckedOnTheDpopChallenge(Tokens tokens)
      throws Exception {
    DpopKey key = DpopKey.generate();
    String token = tokens.valid().scopes("read:orders").dpopBoundTo(key).build();
    String proof = key.proof("GET", app.api().toString(), token);
    assertThat(app.getWithDpop(token, proof)).isAccepted();

    HttpResponse<String> replayed = app.getWithDpop(token, proof);

    Refusal refusal =
        assertThat(replayed)
            .isRefused(Rejection.DPOP_PROOF_REPLAYED)
            .onDpop()
            .withChallenge(Challenges.dpop(Rejection.DPOP_PROOF_REPLAYED));
    assertThrows(
        AssertionFailedError.class,
        () -> assertThat(replayed).isRefused(Rejection.DPOP_PROOF_STALE));
    assertThrows(AssertionFailedError.class, () -> refusal.withRealm("orders"));
    assertThrows(AssertionFailedError.class, refusal::dpopNonce);
  }

  @Test
  void whenABearerRequestIsRefusedThenOnDpopFails(Tokens tokens) throws Exception {
    Refusal refusal =
        assertThat(app.get(tokens.expired().scopes("read:orders").build()))
            .isRefused(Rejection.EXPIRED);

    assertThrows(AssertionFailedError.class, refusal::onDpop);
  }

  @Test
  void whenTheServerWantsANonceThenTheRefusalHandsItOver(Tokens tokens) throws Exception {
    java.util.Map<String, String> settings = new java.util.HashMap<>(kit.provider().settings());
    settings.put("gatehouse.dpop.nonce", "on");
    try (ProtectedApp nonces = ProtectedApp.withInitParams(settings)) {
      DpopKey key = DpopKey.generate();
      String token = tokens.valid().dpopBoundTo(key).build();
      String uri = nonces.api().toString();

      String nonce =
          assertThat(nonces.getWithDpop(token, key.proof("GET", uri, token)))
              .isRefused(Rejection.DPOP_NONCE_MISSING)
              .onDpop()
              .dpopNonce();

      assertThat(nonces.getWithDpop(token, key.proof("GET", uri, token, nonce))).isAccepted();
    }
  }
}
