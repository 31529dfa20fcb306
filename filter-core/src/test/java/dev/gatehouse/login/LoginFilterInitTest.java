package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The login filter reads the same settings from init-params as the bearer filter does. */
class LoginFilterInitTest {

  private static final Map<String, String> PARAMS =
      Map.of(
          "gatehouse.issuer", "https://tenant.example/",
          "gatehouse.audiences", "orders-api",
          "gatehouse.login.client-id", "web-app",
          "gatehouse.login.client-secret", "not-a-real-secret",
          "gatehouse.login.redirect-path", "/app/callback",
          "gatehouse.required-claims.org_id", "acme",
          "gatehouse.rules.3", "GET /app/* authenticated",
          "gatehouse.rules.7", "* /health public");

  @Test
  void whenSettingsWithANameInTheKeyAreInitParamsThenTheyAreApplied() throws Exception {
    GatehouseLoginFilter filter = new GatehouseLoginFilter();
    filter.init(filterConfig(PARAMS));
    try {
      GatehouseConfig api = filter.apiConfig();

      assertEquals(1, api.access().claims().size(), "gatehouse.required-claims.org_id");
      assertEquals(
          List.of("GET /app/* authenticated", "* /health public"),
          api.pathRules().rules().stream().map(Object::toString).toList());
    } finally {
      filter.destroy();
    }
  }

  @Test
  void whenSeveralIssuersAreTrustedAndTheLoginNamesNoneThenInitFailsNamingTheSetting() {
    Map<String, String> params = new java.util.HashMap<>(PARAMS);
    params.put("gatehouse.issuers", "other");
    params.put("gatehouse.issuers.other.issuer", "https://other.example/");
    GatehouseLoginFilter filter = new GatehouseLoginFilter();

    ServletException e =
        assertThrows(ServletException.class, () -> filter.init(filterConfig(params)));

    assertEquals(
        "Gatehouse login configuration: gatehouse.login.issuer: 2 issuers are trusted; name the one"
            + " users log in with, one of [https://tenant.example/, other]",
        e.getMessage());
  }

  @Test
  void whenTheLoginNamesOneOfSeveralIssuersThenItStarts() throws Exception {
    Map<String, String> params = new java.util.HashMap<>(PARAMS);
    params.put("gatehouse.issuers", "other");
    params.put("gatehouse.issuers.other.issuer", "https://other.example/");
    params.put("gatehouse.login.issuer", "other");
    GatehouseLoginFilter filter = new GatehouseLoginFilter();
    filter.init(filterConfig(params));
    try {
      assertEquals(2, filter.apiConfig().issuers().size());
    } finally {
      filter.destroy();
    }
  }

  private static FilterConfig filterConfig(Map<String, String> params) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "gatehouse-login";
      }

      @Override
      public ServletContext getServletContext() {
        return null; // only the settings are under test here
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
}
