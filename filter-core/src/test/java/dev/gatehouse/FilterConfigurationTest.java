package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.BAD_ALGORITHM;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the filter gets its configuration: in code, from init-params, or from MicroProfile Config
 * (here SmallRye reading system properties), which wins over init-params key by key.
 */
class FilterConfigurationTest {

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private final TestTokens tokens = new TestTokens(provider.issuer());

  private Map<String, String> initParams() {
    Map<String, String> params = new HashMap<>();
    params.put("gatehouse.issuer", provider.issuer());
    params.put("gatehouse.audiences", AUDIENCE);
    params.put("gatehouse.allow-insecure-loopback-http", "true");
    return params;
  }

  /** What a container hands to {@code init}: init-params and nothing else. */
  private static FilterConfig filterConfig(Map<String, String> params) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "gatehouse";
      }

      @Override
      public ServletContext getServletContext() {
        return null;
      }

      @Override
      public String getInitParameter(String name) {
        return params.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
      }
    };
  }

  private static ServletException initFailure(Map<String, String> params) {
    return assertThrows(
        ServletException.class, () -> new GatehouseFilter().init(filterConfig(params)));
  }

  @Nested
  class InitParams {

    @Test
    void whenTheContainerCreatesTheFilterThenInitParamsConfigureIt() {
      Map<String, String> params = initParams();
      params.put("gatehouse.realm", "orders");
      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        assertEquals(
            "Bearer realm=\"orders\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
            api.send(api.request("/api/echo")).challenge());
      }
    }

    @Test
    void whenTheIssuerIsMissingThenInitFailsNamingGatehouseIssuer() {
      Map<String, String> params = initParams();
      params.remove("gatehouse.issuer");

      ServletException e = initFailure(params);

      assertTrue(e.getMessage().contains("gatehouse.issuer"), e.getMessage());
      assertInstanceOf(IllegalArgumentException.class, e.getCause());
      assertEquals(0, provider.totalRequests(), "a configuration error contacts nobody");
    }

    @Test
    void whenAValueIsInvalidThenInitFailsNamingItsProperty() {
      Map<String, String> params = initParams();
      params.put("gatehouse.http.read-timeout", "a while");

      ServletException e = initFailure(params);

      assertTrue(e.getMessage().contains("gatehouse.http.read-timeout"), e.getMessage());
    }

    @Test
    void whenTheStaticKeyIsNotAKeyThenInitFailsNamingThePublicKeyProperty() {
      Map<String, String> params = initParams();
      params.put("gatehouse.public-key", "{\"keys\":\"none\"}");
      params.remove("gatehouse.allow-insecure-loopback-http");

      ServletException e = initFailure(params);

      assertTrue(e.getMessage().contains("gatehouse.public-key"), e.getMessage());
    }

    @Test
    void whenTheFilterWasBuiltInCodeThenInitParamsAreIgnored() throws ServletException {
      GatehouseFilter filter =
          new GatehouseFilter(
              GatehouseConfig.forIssuer(provider.issuer())
                  .audiences(AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .build());

      filter.init(filterConfig(Map.of("gatehouse.issuer", "not a url at all")));

      assertEquals(0, provider.totalRequests());
    }
  }

  @Nested
  class StaticPublicKey {

    private final TestTokens auth0 = new TestTokens("https://tenant.auth0.com/");

    @Test
    void whenAPemKeyIsConfiguredThenTokensVerifyWithoutContactingAnyone() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer("tenant.auth0.com")
              .audiences(AUDIENCE)
              .publicKey(TestKeys.pem(TestKeys.RSA))
              .build();
      try (ProtectedApi api = ProtectedApi.start(config)) {
        assertEquals(200, api.get(auth0.valid().build()).status(), "kid is only a hint");
        assertEquals(200, api.get(auth0.valid().withoutHeader("kid").build()).status());
        assertEquals(
            invalidToken(UNKNOWN_KEY),
            api.get(auth0.valid().signedWith(TestKeys.ATTACKER).build()).challenge());
        assertEquals(
            invalidToken(BAD_SIGNATURE),
            api.get(auth0.valid().signedWith(TestKeys.ATTACKER).withoutHeader("kid").build())
                .challenge());
      }
    }

    @Test
    void whenGivenAsMicroProfileJwtInitParamsThenTheyWorkToo() {
      Map<String, String> params =
          Map.of(
              "mp.jwt.verify.issuer",
              "tenant.auth0.com",
              "mp.jwt.verify.audiences",
              AUDIENCE,
              "mp.jwt.verify.publickey",
              TestKeys.pem(TestKeys.EC),
              "mp.jwt.verify.publickey.algorithm",
              "ES256");
      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        assertEquals(200, api.get(auth0.valid().signedWith(TestKeys.EC).build()).status());
        assertEquals(invalidToken(BAD_ALGORITHM), api.get(auth0.valid().build()).challenge());
      }
    }
  }

  @Nested
  class MicroProfileConfig {

    private final Map<String, String> set = new HashMap<>();

    private void systemProperty(String key, String value) {
      set.put(key, value);
      System.setProperty(key, value);
    }

    @BeforeEach
    void freshConfig() {
      releaseConfig();
    }

    @AfterEach
    void cleanUp() {
      set.keySet().forEach(System::clearProperty);
      releaseConfig();
    }

    private void releaseConfig() {
      ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void whenSystemPropertiesAndInitParamsDisagreeThenMicroProfileConfigWins() {
      systemProperty("gatehouse.realm", "from-mp-config");
      systemProperty("gatehouse.audiences", AUDIENCE);
      Map<String, String> params = initParams();
      params.put("gatehouse.realm", "from-init-params");
      params.put("gatehouse.audiences", "urn:not-this-api");

      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        assertEquals(
            "Bearer realm=\"from-mp-config\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
            api.send(api.request("/api/echo")).challenge());
      }
    }

    @Test
    void whenMicroProfileConfigLacksAKeyThenTheInitParamIsUsed() {
      systemProperty("mp.jwt.verify.issuer", provider.issuer());
      Map<String, String> params = initParams();
      params.remove("gatehouse.issuer");

      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        assertEquals(200, api.get(tokens.valid().build()).status());
      }
    }
  }
}
