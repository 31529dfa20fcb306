package dev.gatehouse.internal.sender;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DPoP in the request pipeline (RFC 9449 sections 7 and 9): the real filter in front of a servlet,
 * called with tokens bound to keys of an independent client (Nimbus) and proofs it makes.
 */
class DpopFilterTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();

  private static final TestTokens tokens = new TestTokens(provider.issuer());

  /** The URL the in-memory container rebuilds from the request line and {@code Host}. */
  static final String ORIGIN = "http://127.0.0.1";

  static final String ALGS = "algs=\"ES256 EdDSA PS256 RS256\"";
  static final String BOTH_BARE = "Bearer realm=\"api\", DPoP " + ALGS;

  private final DpopClient client = DpopClient.es256();
  private ProtectedApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  private void start(Consumer<GatehouseConfigBuilder> settings) {
    GatehouseConfigBuilder b = config();
    settings.accept(b);
    api = ProtectedApi.start(b.build());
  }

  private String boundToken() {
    return tokens.valid().claim("cnf", Map.of("jkt", client.thumbprint())).build();
  }

  private Reply dpop(String path, String token, String proof) {
    return api.send(
        api.request(path).header("Authorization", "DPoP " + token).header("DPoP", proof));
  }

  private Reply dpop(String path, String token) {
    return dpop(path, token, client.proof("GET", ORIGIN + path, token));
  }

  static String dpopError(String code, String description) {
    return "DPoP error=\"" + code + "\", error_description=\"" + description + "\", " + ALGS;
  }

  @Nested
  class Schemes {

    @Test
    void whenTheTokenIsAlsoBoundToACertificateThenAValidProofDoesNotExcuseTheMissingCertificate() {
      start(b -> {});
      String token =
          tokens
              .valid()
              .claim("cnf", Map.of("jkt", client.thumbprint(), "x5t#S256", "bwcK0esc3ACC3DB2"))
              .build();

      Reply reply = dpop("/api/echo", token);

      assertEquals(401, reply.status(), reply::toString);
      assertEquals(
          dpopError("invalid_token", Refusals.CLIENT_CERTIFICATE_MISSING), reply.challenge());
    }

    @Test
    void whenABoundTokenComesWithTheDpopSchemeAndAValidProofThenItIsAdmittedWithItsBinding() {
      start(b -> {});

      Reply reply = dpop("/api/echo", boundToken());

      assertEquals(200, reply.status(), reply::toString);
      assertEquals("JKT " + client.thumbprint(), reply.echo().get("binding"));
    }

    @Test
    void whenNoCredentialsAreSentThenBothSchemesAreChallengedWithoutAnError() {
      start(b -> {});

      Reply reply = api.send(api.request("/api/echo"));

      assertEquals(401, reply.status());
      assertEquals(BOTH_BARE, reply.challenge());
      assertEquals("WWW-Authenticate, DPoP-Nonce", reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void whenABoundTokenIsSentAsBearerThenTheDowngradeIsRefusedOnTheBearerScheme() {
      start(b -> {});

      Reply reply = api.get(boundToken());

      assertEquals(401, reply.status());
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\""
              + Refusals.DPOP_BOUND_TOKEN_AS_BEARER
              + "\"",
          reply.challenge());
    }

    @Test
    void whenTheTokensJktIsMalformedThenItIsRefusedWithEitherSchemeNeverTakenAsUnbound() {
      start(b -> {});
      String token = tokens.valid().claim("cnf", Map.of("jkt", 42)).build();

      assertEquals(401, api.get(token).status());
      Reply reply = dpop("/api/echo", token);
      assertEquals(dpopError("invalid_dpop_proof", Refusals.DPOP_KEY_MISMATCH), reply.challenge());
    }

    @Test
    void whenAnUnboundTokenComesWithTheDpopSchemeThenItIsRefusedOnTheDpopScheme() {
      start(b -> {});
      String token = tokens.valid().build();

      Reply reply = dpop("/api/echo", token);

      assertEquals(401, reply.status());
      assertEquals(dpopError("invalid_token", Refusals.DPOP_TOKEN_NOT_BOUND), reply.challenge());
    }

    @Test
    void whenTheRequestUsesBothSchemesThenItIs400WithAnErrorOnEach() {
      start(b -> {});
      String token = boundToken();

      Reply reply =
          api.send(
              api.request("/api/echo")
                  .header("Authorization", "Bearer " + token)
                  .header("Authorization", "DPoP " + token)
                  .header("DPoP", client.proof("GET", ORIGIN + "/api/echo", token)));

      assertEquals(400, reply.status());
      String description = Refusals.MULTIPLE_TOKENS;
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_request\", error_description=\""
              + description
              + "\", "
              + dpopError("invalid_request", description),
          reply.challenge());
    }

    @Test
    void whenTheTokenIsAlsoAQueryParameterThenBothSchemesAreRefusedWith400() {
      start(b -> b.tokens(t -> t.allowQueryParameter()));
      String token = boundToken();

      Reply reply =
          dpop(
              "/api/echo?access_token=" + token,
              token,
              client.proof("GET", ORIGIN + "/api/echo", token));

      assertEquals(400, reply.status());
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_request\", error_description=\""
              + Refusals.MULTIPLE_TOKENS
              + "\", "
              + dpopError("invalid_request", Refusals.MULTIPLE_TOKENS),
          reply.challenge());
    }

    @Test
    void whenTheTokenIsRefusedThenTheErrorIsOnTheDpopSchemeTheClientUsed() {
      start(b -> {});
      String expired =
          tokens
              .valid()
              .claim("cnf", Map.of("jkt", client.thumbprint()))
              .expiresAt(Instant.now().minus(Duration.ofHours(1)))
              .build();

      Reply reply = dpop("/api/echo", expired);

      assertEquals(401, reply.status());
      assertEquals(dpopError("invalid_token", Refusals.EXPIRED), reply.challenge());
    }

    @Test
    void whenDpopIsOffThenTheChallengeIsBearerAloneAndTheDpopSchemeIsNotOurs() {
      start(b -> b.dpop(d -> d.mode(DpopMode.OFF)));

      Reply reply = dpop("/api/echo", boundToken());

      assertEquals(401, reply.status());
      assertEquals("Bearer realm=\"api\"", reply.challenge());
      assertNull(reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void whenDpopIsOffThenABoundTokenSentAsBearerIsStillRefused() {
      start(b -> b.dpop(d -> d.mode(DpopMode.OFF)));

      assertEquals(401, api.get(boundToken()).status());
    }
  }

  @Nested
  class Proofs {

    @Test
    void whenTheProofIsMissingThenInvalidDpopProofOnTheDpopScheme() {
      start(b -> {});

      Reply reply =
          api.send(api.request("/api/echo").header("Authorization", "DPoP " + boundToken()));

      assertEquals(401, reply.status());
      assertEquals(dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_MISSING), reply.challenge());
    }

    @Test
    void whenTheProofIsSignedWithAnotherKeyThanTheTokenIsBoundToThenItIsRefused() {
      start(b -> {});
      String token = boundToken();
      DpopClient thief = DpopClient.es256();

      Reply reply = dpop("/api/echo", token, thief.proof("GET", ORIGIN + "/api/echo", token));

      assertEquals(dpopError("invalid_dpop_proof", Refusals.DPOP_KEY_MISMATCH), reply.challenge());
    }

    @Test
    void whenTheSameProofComesTwiceThenTheSecondIsRefusedAsReplayed() {
      start(b -> {});
      String token = boundToken();
      String proof = client.proof("GET", ORIGIN + "/api/echo", token);

      assertEquals(200, dpop("/api/echo", token, proof).status());
      Reply again = dpop("/api/echo", token, proof);

      assertEquals(401, again.status());
      assertEquals(
          dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_REPLAYED), again.challenge());
    }

    @Test
    void whenAProofIsReplayedAtAnotherUriThenItIsRefused() {
      start(b -> {});
      String token = boundToken();
      String proof = client.proof("GET", ORIGIN + "/api/echo", token);

      assertEquals(200, dpop("/api/echo", token, proof).status());
      Reply elsewhere = dpop("/api/other", token, proof);

      assertEquals(401, elsewhere.status());
      assertEquals(
          dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_WRONG_URI), elsewhere.challenge());
    }

    @Test
    void whenTheTokenIsCachedThenTheProofIsStillCheckedOnEveryRequest() {
      start(b -> {});
      String token = boundToken();
      assertEquals(200, dpop("/api/echo", token).status());

      Reply reply = dpop("/api/echo", token, client.proof("POST", ORIGIN + "/api/echo", token));

      assertEquals(
          dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_WRONG_METHOD), reply.challenge());
    }

    @Test
    void whenTheProofNamesTheContainersUrlBehindAPublicBaseUrlThenItIsRefused() {
      start(b -> b.dpop(d -> d.publicBaseUrl(URI.create("https://api.example.test"))));
      String token = boundToken();

      Reply reply = dpop("/api/echo", token);

      assertEquals(
          dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_WRONG_URI), reply.challenge());
    }

    @Test
    void whenTheProofNamesThePublicUriTheClientAddressedThenItIsAccepted() {
      start(b -> b.dpop(d -> d.publicBaseUrl(URI.create("https://api.example.test"))));
      String token = boundToken();

      Reply reply =
          dpop(
              "/api/echo?page=2",
              token,
              client.proof("GET", "https://api.example.test/api/echo", token));

      assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void whenTheReplayStoreIsFullThenTheProofCannotBeCheckedAndTheAnswerIs503() {
      start(b -> b.dpop(d -> d.replayMaxEntries(1)));
      String token = boundToken();
      assertEquals(200, dpop("/api/echo", token).status());

      Reply reply = dpop("/api/echo", token);

      assertEquals(503, reply.status());
      assertEquals("1", reply.header("Retry-After"));
    }
  }

  @Nested
  class Scopes {

    @Test
    void whenAPathRuleLacksAScopeOfADpopTokenThenTheRefusalIsOnTheDpopScheme() {
      start(b -> b.pathRules(PathRules.builder().rule("GET /api/admin scopes=admin").build()));

      Reply reply = dpop("/api/admin", boundToken());

      assertEquals(403, reply.status());
      assertEquals(
          "DPoP error=\"insufficient_scope\", error_description=\""
              + Refusals.INSUFFICIENT_SCOPE
              + "\", scope=\"admin\", "
              + ALGS,
          reply.challenge());
    }

    @Test
    void whenTheApplicationRefusesADpopTokenThenTheRefusalIsOnTheDpopScheme() {
      start(b -> {});

      Reply reply = dpop("/api/admin", boundToken());

      assertEquals(403, reply.status());
      assertEquals(
          "DPoP error=\"insufficient_scope\", error_description=\""
              + Refusals.INSUFFICIENT_SCOPE
              + "\", scope=\"admin\", "
              + ALGS,
          reply.challenge());
    }
  }

  @Nested
  class Nonces {

    @Test
    void whenTheProofHasNoNonceThenUseDpopNonceWithANonceAndTheRetryWithItIsAdmitted() {
      start(b -> b.dpop(d -> d.requireNonce()));
      String token = boundToken();

      Reply first = dpop("/api/echo", token);

      assertEquals(401, first.status());
      assertEquals(dpopError("use_dpop_nonce", Refusals.DPOP_NONCE_MISSING), first.challenge());
      String nonce = first.header("DPoP-Nonce");
      assertNotNull(nonce);
      Reply retry =
          dpop("/api/echo", token, client.proof("GET", ORIGIN + "/api/echo", token, nonce));
      assertEquals(200, retry.status(), retry::toString);
      assertNull(retry.header("DPoP-Nonce"), "a current nonce needs no refresh");
    }

    @Test
    void whenTheNonceIsForgedThenUseDpopNonceWithAFreshOne() {
      start(b -> b.dpop(d -> d.requireNonce()));
      String token = boundToken();
      String forged = "A".repeat(54);

      Reply reply =
          dpop("/api/echo", token, client.proof("GET", ORIGIN + "/api/echo", token, forged));

      assertEquals(dpopError("use_dpop_nonce", Refusals.DPOP_NONCE_INVALID), reply.challenge());
      assertNotNull(reply.header("DPoP-Nonce"));
    }

    @Test
    void whenTheNonceIsFromThePreviousSlotThenTheAnswerCarriesAFreshOne() {
      MutableClock clock = new MutableClock(Instant.now());
      start(b -> b.clock(clock).dpop(d -> d.requireNonce()));
      String token = tokens.validAt(clock.instant()).claim("cnf", jkt()).build();
      String nonce = dpop("/api/echo", token).header("DPoP-Nonce");

      clock.advance(DpopPolicy.DEFAULT_NONCE_SLOT);
      Reply reply =
          dpop(
              "/api/echo",
              token,
              client.proof("GET", ORIGIN + "/api/echo", token, clock.instant(), nonce));

      assertEquals(200, reply.status(), reply::toString);
      assertNotNull(reply.header("DPoP-Nonce"));
      assertEquals("DPoP-Nonce", reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void whenOnlyARuleTurnsNoncesOnThenThatPathAsksForOneAndAnotherAcceptsWithout() {
      start(
          b ->
              b.pathRules(
                  PathRules.builder()
                      .rule("* /api/strict/* authenticated nonce=on")
                      .rule("* /api/* authenticated")
                      .build()));
      String token = boundToken();

      Reply strict = dpop("/api/strict/orders", token);
      Reply relaxed = dpop("/api/orders", token);

      assertEquals(401, strict.status());
      assertEquals(dpopError("use_dpop_nonce", Refusals.DPOP_NONCE_MISSING), strict.challenge());
      String nonce = strict.header("DPoP-Nonce");
      assertNotNull(nonce);
      assertEquals(200, relaxed.status(), relaxed::toString);
      assertNull(relaxed.header("DPoP-Nonce"));
      Reply retry =
          dpop(
              "/api/strict/orders",
              token,
              client.proof("GET", ORIGIN + "/api/strict/orders", token, nonce));
      assertEquals(200, retry.status(), retry::toString);
    }

    @Test
    void whenARuleTurnsNoncesOffThenThatPathAcceptsWithoutOneWhileTheFilterRequiresThem() {
      start(
          b ->
              b.dpop(d -> d.requireNonce())
                  .pathRules(
                      PathRules.builder()
                          .rule("* /api/relaxed/* authenticated nonce=off")
                          .rule("* /api/* authenticated")
                          .build()));
      String token = boundToken();

      Reply relaxed = dpop("/api/relaxed/orders", token);
      Reply strict = dpop("/api/orders", token);

      assertEquals(200, relaxed.status(), relaxed::toString);
      assertEquals(401, strict.status());
      assertEquals(dpopError("use_dpop_nonce", Refusals.DPOP_NONCE_MISSING), strict.challenge());
    }

    @Test
    void whenAProofIsUsedOnANonceOffPathThenItIsStillSingleUseOnAnyPath() {
      start(
          b ->
              b.pathRules(
                  PathRules.builder()
                      .rule("* /api/strict/* authenticated nonce=on")
                      .rule("* /api/* authenticated nonce=off")
                      .build()));
      String token = boundToken();
      String proof = client.proof("GET", ORIGIN + "/api/orders", token);

      assertEquals(200, dpop("/api/orders", token, proof).status());
      assertEquals(
          dpopError("invalid_dpop_proof", Refusals.DPOP_PROOF_REPLAYED),
          dpop("/api/orders", token, proof).challenge());
    }

    private Map<String, String> jkt() {
      return Map.of("jkt", client.thumbprint());
    }
  }

  @Nested
  class PathPolicy {

    private void startWithRules() {
      start(
          b ->
              b.pathRules(
                  PathRules.builder()
                      .rule("* /api/secure/* authenticated dpop=required")
                      .rule("* /api/plain/* authenticated dpop=off")
                      .build()));
    }

    @Test
    void whenARuleRequiresDpopThenABearerTokenIsRefusedAndDpopIsNamed() {
      startWithRules();

      Reply reply = api.get("/api/secure/orders", tokens.valid().build());

      assertEquals(401, reply.status());
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\""
              + Refusals.DPOP_REQUIRED
              + "\", DPoP "
              + ALGS,
          reply.challenge());
    }

    @Test
    void whenARuleRequiresDpopThenARequestWithoutCredentialsIsChallengedWithDpopAlone() {
      startWithRules();

      Reply reply = api.send(api.request("/api/secure/orders"));

      assertEquals("DPoP " + ALGS, reply.challenge());
    }

    @Test
    void whenARuleRequiresDpopThenABoundTokenWithAProofIsAdmitted() {
      startWithRules();

      assertEquals(200, dpop("/api/secure/orders", boundToken()).status());
    }

    @Test
    void whenARuleIsBearerOnlyThenTheDpopSchemeCountsAsNoCredential() {
      startWithRules();

      Reply reply = dpop("/api/plain/orders", boundToken());

      assertEquals(401, reply.status());
      assertEquals("Bearer realm=\"api\"", reply.challenge());
    }

    @Test
    void whenDpopIsOffByDefaultThenARuleCanStillRequireIt() {
      start(
          b ->
              b.dpop(d -> d.mode(DpopMode.OFF))
                  .pathRules(
                      PathRules.builder()
                          .rule("GET /api/secure/* scopes=read dpop=required")
                          .build()));

      assertEquals(200, dpop("/api/secure/orders", boundToken()).status());
      assertEquals("Bearer realm=\"api\"", api.send(api.request("/api/echo")).challenge());
    }
  }

  @Nested
  class Introspected {

    private static final String OPAQUE = "opaque-dpop-5d1e";

    private LocalIntrospectionServer introspection;

    private void startWith(Map<String, Object> response) {
      introspection = LocalIntrospectionServer.start();
      introspection.activate(OPAQUE, response);
      start(
          b ->
              b.introspection(
                  IntrospectionConfig.forEndpoint(introspection.endpoint())
                      .clientCredentials(
                          LocalIntrospectionServer.CLIENT_ID,
                          LocalIntrospectionServer.CLIENT_SECRET)
                      .build()));
    }

    @AfterEach
    void stopIntrospection() {
      if (introspection != null) {
        introspection.close();
      }
    }

    private Map<String, Object> active(Map<String, Object> more) {
      Map<String, Object> response = new java.util.HashMap<>(more);
      response.put("sub", "user-7");
      response.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
      return response;
    }

    @Test
    void whenTheResponseBindsTheTokenToTheProofKeyThenItIsAdmittedWithTheDpopScheme() {
      startWith(active(Map.of("token_type", "DPoP", "cnf", Map.of("jkt", client.thumbprint()))));

      Reply reply = dpop("/api/echo", OPAQUE);

      assertEquals(200, reply.status(), reply::toString);
      assertEquals("JKT " + client.thumbprint(), reply.echo().get("binding"));
    }

    @Test
    void whenTheResponseSaysDpopThenTheTokenSentAsBearerIsADowngrade() {
      startWith(active(Map.of("token_type", "DPoP")));

      Reply reply = api.get(OPAQUE);

      assertEquals(401, reply.status());
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\""
              + Refusals.DPOP_BOUND_TOKEN_AS_BEARER
              + "\"",
          reply.challenge());
    }

    @Test
    void whenTheResponseBindsTheTokenToAnotherKeyThenTheProofIsRefused() {
      startWith(
          active(
              Map.of("token_type", "DPoP", "cnf", Map.of("jkt", DpopClient.es256().thumbprint()))));

      Reply reply = dpop("/api/echo", OPAQUE);

      assertEquals(dpopError("invalid_dpop_proof", Refusals.DPOP_KEY_MISMATCH), reply.challenge());
    }
  }
}
