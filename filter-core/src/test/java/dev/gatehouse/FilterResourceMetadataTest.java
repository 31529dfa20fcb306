package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.PathRules;
import dev.gatehouse.internal.config.FilterSettings;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Protected resource metadata (RFC 9728): the document the filter serves at the well-known URL of
 * its resource identifier, and the {@code resource_metadata} parameter every challenge carries.
 */
class FilterResourceMetadataTest {

  /** The proof algorithms every DPoP challenge announces by default. */
  private static final String ALGS = "ES256 EdDSA PS256 RS256";

  private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private static final String RESOURCE = "https://api.gatehouse.test";

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  private static GatehouseConfigBuilder config(String resource) {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .protectedResource(r -> r.resource(URI.create(resource)));
  }

  private static Reply get(GatehouseConfig config, String path) {
    return call(config, path, UnaryOperator.identity());
  }

  private static Reply call(
      GatehouseConfig config, String path, UnaryOperator<HttpRequest.Builder> request) {
    try (ProtectedApi api = ProtectedApi.startOnLoopback(config)) {
      return api.send(request.apply(api.request(path)));
    }
  }

  private static Map<String, Object> document(Reply reply) throws Exception {
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.header("Content-Type").startsWith("application/json"), reply::toString);
    return JsonUtil.parseJson(reply.body());
  }

  @Nested
  class Document {

    @Test
    void whenTheResourceHasNoPathThenTheDocumentIsAtTheWellKnownPathAndNamesTheResourceExactly()
        throws Exception {
      Map<String, Object> doc = document(get(config(RESOURCE).build(), WELL_KNOWN));
      assertEquals(RESOURCE, doc.get("resource"));
      assertEquals(List.of(provider.issuer()), doc.get("authorization_servers"));
      assertEquals(List.of("header"), doc.get("bearer_methods_supported"));
      assertEquals(true, doc.get("tls_client_certificate_bound_access_tokens"));
      assertFalse(doc.containsKey("scopes_supported"), "no rule asks for a scope");
    }

    @Test
    void whenTheResourceHasAPathThenTheWellKnownPartIsInsertedBeforeIt() throws Exception {
      GatehouseConfig config = config(RESOURCE + "/api/orders").build();
      assertEquals(
          RESOURCE + "/api/orders",
          document(get(config, WELL_KNOWN + "/api/orders")).get("resource"));
      assertEquals(
          401, get(config, WELL_KNOWN).status(), "the root document is another resource's");
    }

    @Test
    void whenTheResourceEndsInASlashThenTheSlashIsRemovedBeforeInserting() throws Exception {
      Map<String, Object> doc = document(get(config(RESOURCE + "/").build(), WELL_KNOWN));
      assertEquals(RESOURCE + "/", doc.get("resource"));
    }

    @Test
    void whenRulesAskForScopesThenScopesSupportedListsEveryOneSorted() throws Exception {
      GatehouseConfig config =
          config(RESOURCE)
              .requiredScopes("api")
              .pathRules(
                  PathRules.builder()
                      .rule("GET /api/orders/* scopes=orders:read")
                      .rule("POST /api/orders/* any=orders:write,orders:admin")
                      .rule("* /health public")
                      .build())
              .build();
      assertEquals(
          List.of("api", "orders:admin", "orders:read", "orders:write"),
          document(get(config, WELL_KNOWN)).get("scopes_supported"));
    }

    @Test
    void whenRulesTurnDpopNoncesOnOrOffThenTheDocumentIsUnchanged() throws Exception {
      GatehouseConfig withNonceRules =
          config(RESOURCE)
              .pathRules(
                  PathRules.builder()
                      .rule("GET /api/strict/* authenticated dpop=required nonce=on")
                      .rule("GET /api/relaxed/* authenticated nonce=off")
                      .build())
              .build();
      GatehouseConfig withoutThem =
          config(RESOURCE)
              .pathRules(
                  PathRules.builder()
                      .rule("GET /api/strict/* authenticated dpop=required")
                      .rule("GET /api/relaxed/* authenticated")
                      .build())
              .build();

      Map<String, Object> doc = document(get(withNonceRules, WELL_KNOWN));

      assertEquals(document(get(withoutThem, WELL_KNOWN)), doc);
      assertEquals(false, doc.get("dpop_bound_access_tokens_required"));
    }

    @Test
    void whenTokensMayComeInTheBodyOrQueryThenThoseMethodsAreListed() throws Exception {
      GatehouseConfig config =
          config(RESOURCE).tokens(t -> t.allowFormParameter().allowQueryParameter()).build();
      assertEquals(
          List.of("header", "body", "query"),
          document(get(config, WELL_KNOWN)).get("bearer_methods_supported"));
    }

    @Test
    void theDocumentMayBeCachedForAWhile() {
      assertEquals(
          "public, max-age=300", get(config(RESOURCE).build(), WELL_KNOWN).header("Cache-Control"));
    }

    @Test
    void whenEveryOtherPathIsDeniedThenTheDocumentIsStillServedWithoutAToken() throws Exception {
      GatehouseConfig config =
          config(RESOURCE)
              .pathRules(PathRules.builder().otherwise(dev.gatehouse.authz.Access.deny()).build())
              .build();
      assertEquals(RESOURCE, document(get(config, WELL_KNOWN)).get("resource"));
    }

    @Test
    void whenTheRequestIsNotAGetThenTheRulesDecideAsForAnyPath() {
      Reply reply =
          call(
              config(RESOURCE).build(),
              WELL_KNOWN,
              r -> r.POST(HttpRequest.BodyPublishers.noBody()));
      assertEquals(401, reply.status(), reply::toString);
    }

    @Test
    void whenTheFilterAnswersTheDocumentThenAContainingFilterIsToldItWasAnsweredNotAdmitted() {
      AtomicReference<GatehouseFilter.Decision> decision = new AtomicReference<>();
      GatehouseFilter containing =
          new GatehouseFilter(config(RESOURCE).build()) {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
              decision.set(filter(req, res, chain, false));
            }
          };
      try (ProtectedApi api = ProtectedApi.startWith(containing)) {
        api.send(api.request("/api/echo"));
        assertEquals(GatehouseFilter.Decision.UNAUTHENTICATED, decision.get());
      }
      try (ProtectedApi api = ProtectedApi.startOnLoopbackWith(containing)) {
        assertEquals(200, api.send(api.request(WELL_KNOWN)).status());
        assertEquals(GatehouseFilter.Decision.ANSWERED, decision.get());
      }
    }

    @Test
    void whenNoResourceIsConfiguredThenNothingIsServed() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer())
              .audiences(RESOURCE)
              .allowInsecureLoopbackHttp()
              .build();
      Reply reply = get(config, WELL_KNOWN);
      assertEquals(401, reply.status(), reply::toString);
      assertEquals("Bearer realm=\"api\", DPoP algs=\"" + ALGS + "\"", reply.challenge());
    }
  }

  @Nested
  class Challenges {

    private static final String PARAMETER =
        "resource_metadata=\"" + RESOURCE + WELL_KNOWN + "/api\"";

    @Test
    void whenNoTokenIsSentThenTheBareChallengeNamesTheMetadata() {
      Reply reply = get(config(RESOURCE + "/api").build(), "/api/echo");
      assertEquals(
          "Bearer realm=\"api\", " + PARAMETER + ", DPoP algs=\"" + ALGS + "\", " + PARAMETER,
          reply.challenge());
    }

    @Test
    void whenTheTokenIsRefusedThenTheChallengeNamesTheMetadataLast() {
      Reply reply =
          call(
              config(RESOURCE + "/api").build(),
              "/api/echo",
              r -> r.header("Authorization", "Bearer " + tokens.valid().audience("other").build()));
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token is"
              + " not meant for this API.\", "
              + PARAMETER,
          reply.challenge());
    }

    @Test
    void whenAScopeIsMissingThenTheChallengeNamesTheMetadataToo() {
      GatehouseConfig config = config(RESOURCE + "/api").requiredScopes("admin").build();
      Reply reply =
          call(
              config,
              "/api/echo",
              r -> r.header("Authorization", "Bearer " + tokens.valid().build()));
      assertEquals(403, reply.status());
      assertTrue(reply.challenge().endsWith(", scope=\"admin\", " + PARAMETER), reply::toString);
    }

    @Test
    void whenNoResourceIsConfiguredThenChallengesAreUnchanged() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer())
              .audiences(AUDIENCE)
              .allowInsecureLoopbackHttp()
              .build();
      assertEquals(
          "Bearer realm=\"api\", DPoP algs=\"" + ALGS + "\"", get(config, "/api/echo").challenge());
    }
  }

  @Nested
  class Settings {

    @Test
    void whenTheResourceIsAnInitParamThenItIsServed() throws Exception {
      Map<String, String> params = params(RESOURCE + "/v1");
      GatehouseConfig config = new ConfigBinder(FilterSettings.of(FilterConfigs.of(params))).bind();
      assertEquals(RESOURCE + "/v1", document(get(config, WELL_KNOWN + "/v1")).get("resource"));
    }

    @Test
    void whenTheResourceIsNotHttpsThenTheConfigurationIsRefused() {
      assertRefused("http://api.gatehouse.test", "must be an absolute https URL");
    }

    @Test
    void whenTheResourceIsRelativeThenTheConfigurationIsRefused() {
      assertRefused("/api", "must be an absolute https URL");
    }

    @Test
    void whenTheResourceHasAQueryOrFragmentThenTheConfigurationIsRefused() {
      assertRefused(RESOURCE + "/api?tenant=1", "must have no query and no fragment");
      assertRefused(RESOURCE + "/api#part", "must have no query and no fragment");
    }

    @Test
    void whenTheResourceHasUserInformationThenTheConfigurationIsRefused() {
      assertRefused("https://user@api.gatehouse.test", "must have no user information");
    }

    private void assertRefused(String resource, String problem) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new ConfigBinder(FilterSettings.of(FilterConfigs.of(params(resource)))).bind());
      assertEquals("gatehouse.resource: '" + resource + "' " + problem, e.getMessage());
    }

    private Map<String, String> params(String resource) {
      Map<String, String> params = new HashMap<>();
      params.put("gatehouse.issuer", provider.issuer());
      params.put("gatehouse.audiences", AUDIENCE);
      params.put("gatehouse.allow-insecure-loopback-http", "true");
      params.put("gatehouse.resource", resource);
      return params;
    }
  }
}
