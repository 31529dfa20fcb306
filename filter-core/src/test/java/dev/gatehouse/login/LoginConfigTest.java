package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginConfigTest {

  private static LoginConfigBuilder valid() {
    return LoginConfig.forClient("client", "secret", "/app/callback");
  }

  private static String failure(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run).getMessage();
  }

  @Nested
  class Build {

    @Test
    void whenOnlyTheRequiredValuesThenSecureDefaults() {
      LoginConfig config = valid().build();

      assertEquals(List.of("openid", "profile", "email"), config.scopes());
      assertEquals(Set.of("/*"), config.loginPaths());
      assertEquals(LoginConfig.UnauthenticatedAction.REDIRECT, config.unauthenticatedAction());
      assertEquals(ClientAuthentication.CLIENT_SECRET_BASIC, config.clientAuthentication());
      assertEquals(Optional.empty(), config.logoutPath());
      assertFalse(config.alwaysSecureCookie());
    }

    @Test
    void whenScopesLackOpenidThenItIsAddedFirstOnce() {
      assertEquals(
          List.of("openid", "offline_access", "read:orders"),
          valid().scopes("offline_access", "read:orders", "openid").build().scopes());
    }

    @Test
    void whenAnHttpsPublicBaseUrlThenTheCookieIsAlwaysSecure() {
      assertTrue(
          valid()
              .publicBaseUrl(URI.create("https://app.example.com"))
              .build()
              .alwaysSecureCookie());
    }

    @Test
    void whenMissingRequiredValuesThenTheMessageNamesTheProperty() {
      assertTrue(
          failure(() -> LoginConfig.forClient(" ", "s", "/cb").build())
              .startsWith("gatehouse.login.client-id"));
      assertTrue(
          failure(() -> LoginConfig.forClient("c", null, "/cb").build())
              .startsWith("gatehouse.login.client-secret"));
      assertTrue(
          failure(() -> LoginConfig.forClient("c", "s", null).build())
              .startsWith("gatehouse.login.redirect-path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"callback", "//evil.example/cb", "/cb?x=1", "/cb/*", "https://app/cb"})
    void whenTheRedirectPathIsNotAnApplicationPathThenRefused(String path) {
      assertTrue(
          failure(() -> LoginConfig.forClient("c", "s", path).build())
              .startsWith("gatehouse.login.redirect-path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "javascript:alert(1)", "evil.example", "ftp://x/"})
    void whenThePostLogoutTargetIsNeitherAPathNorAnHttpUrlThenRefused(String target) {
      assertTrue(
          failure(() -> valid().postLogoutRedirect(target).build())
              .startsWith("gatehouse.login.post-logout-redirect"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app/*", "/app*", "/*/x", "/a?b"})
    void whenALoginPathPatternIsNotSupportedThenRefused(String pattern) {
      assertTrue(
          failure(() -> valid().loginPaths(pattern).build()).startsWith("gatehouse.login.paths"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"https://app.example.com/path", "https://app.example.com?x", "app.example.com"})
    void whenThePublicBaseUrlIsNotAnOriginThenRefused(String url) {
      assertTrue(
          failure(() -> valid().publicBaseUrl(URI.create(url)).build())
              .startsWith("gatehouse.login.public-base-url"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "*.example.com",
          "https://app.example.com",
          "app.example.com/path",
          "app.example.com:0",
          "app.example.com:99999",
          "user@app.example.com",
          ""
        })
    void whenAnAllowedHostIsNotAHostHeaderValueThenRefused(String host) {
      assertTrue(
          failure(() -> valid().allowedHosts(host).build())
              .startsWith("gatehouse.login.allowed-hosts: '" + host + "' must be a host name"));
    }

    @Test
    void whenAllowedHostsAndAPublicBaseUrlAreBothSetThenRefused() {
      assertTrue(
          failure(
                  () ->
                      valid()
                          .allowedHosts("app.example.com")
                          .publicBaseUrl(URI.create("https://app.example.com"))
                          .build())
              .startsWith("gatehouse.login.allowed-hosts: not used with"));
    }

    @Test
    void whenAllowedHostsAreGivenThenTheyAreKeptInLowerCase() {
      assertEquals(
          Set.of("app.example.com", "app.example.com:8443", "[::1]:8080", "10.0.0.5"),
          valid()
              .allowedHosts("App.Example.com", "app.example.com:8443", "[::1]:8080", "10.0.0.5")
              .build()
              .allowedHosts());
    }

    @Test
    void whenTheLogoutPathIsTheCallbackThenRefused() {
      assertTrue(
          failure(() -> valid().logoutPath("/app/callback").build())
              .startsWith("gatehouse.login.logout-path"));
    }

    @Test
    void toStringWhenPrintedThenNoSecret() {
      assertFalse(
          LoginConfig.forClient("c", "very-secret", "/cb")
              .build()
              .toString()
              .contains("very-secret"));
    }
  }

  @Nested
  class Binder {

    private LoginConfig bind(Map<String, String> values) {
      return new LoginConfigBinder(key -> Optional.ofNullable(values.get(key))).bind();
    }

    @Test
    void whenEverySettingIsGivenThenEachIsUsed() {
      LoginConfig config =
          bind(
              Map.ofEntries(
                  Map.entry("gatehouse.login.client-id", "client"),
                  Map.entry("gatehouse.login.client-secret", "secret"),
                  Map.entry("gatehouse.login.redirect-path", "/app/callback"),
                  Map.entry("gatehouse.login.paths", "/app/*, /admin"),
                  Map.entry("gatehouse.login.logout-path", "/app/logout"),
                  Map.entry("gatehouse.login.post-logout-redirect", "https://app.example.com/bye"),
                  Map.entry("gatehouse.login.scopes", "openid profile offline_access"),
                  Map.entry("gatehouse.login.audience", "urn:api"),
                  Map.entry("gatehouse.login.unauthenticated-action", "pass"),
                  Map.entry("gatehouse.login.client-authentication", "client-secret-post"),
                  Map.entry("gatehouse.login.connect-timeout", "500ms"),
                  Map.entry("gatehouse.login.request-timeout", "PT7S"),
                  Map.entry("gatehouse.login.login-timeout", "15m"),
                  Map.entry("gatehouse.login.refresh-ahead", "45"),
                  Map.entry("gatehouse.login.public-base-url", "http://app.example.com"),
                  Map.entry("gatehouse.login.secure-cookie", "always")));

      assertEquals(Set.of("/app/*", "/admin"), config.loginPaths());
      assertEquals(Optional.of("/app/logout"), config.logoutPath());
      assertEquals("https://app.example.com/bye", config.postLogoutRedirect());
      assertEquals(List.of("openid", "profile", "offline_access"), config.scopes());
      assertEquals(Optional.of("urn:api"), config.audience());
      assertEquals(LoginConfig.UnauthenticatedAction.PASS, config.unauthenticatedAction());
      assertEquals(ClientAuthentication.CLIENT_SECRET_POST, config.clientAuthentication());
      assertEquals(Duration.ofMillis(500), config.connectTimeout());
      assertEquals(Duration.ofSeconds(7), config.requestTimeout());
      assertEquals(Duration.ofMinutes(15), config.loginTimeout());
      assertEquals(Duration.ofSeconds(45), config.refreshAhead());
      assertEquals(Optional.of(URI.create("http://app.example.com")), config.publicBaseUrl());
      assertTrue(config.alwaysSecureCookie());
    }

    @Test
    void whenAnEnumValueIsUnknownThenTheMessageListsTheChoices() {
      String message =
          failure(
              () ->
                  bind(
                      Map.of(
                          "gatehouse.login.client-id",
                          "c",
                          "gatehouse.login.client-secret",
                          "s",
                          "gatehouse.login.redirect-path",
                          "/cb",
                          "gatehouse.login.unauthenticated-action",
                          "deny")));

      assertEquals(
          "gatehouse.login.unauthenticated-action: 'deny' must be one of"
              + " [redirect, unauthorized, pass]",
          message);
    }

    @Test
    void whenNothingIsSetThenNotConfigured() {
      assertFalse(new LoginConfigBinder(key -> Optional.empty()).isConfigured());
      assertTrue(
          new LoginConfigBinder(
                  key ->
                      key.equals("gatehouse.login.client-id") ? Optional.of("c") : Optional.empty())
              .isConfigured());
    }
  }

  @Nested
  class Parts {

    @Test
    void whenBuiltThenEachPartHoldsItsOwnSettings() {
      LoginConfig config =
          valid()
              .logoutPath("/app/logout")
              .resources("https://api.example.com")
              .loginTimeout(Duration.ofMinutes(3))
              .allowedHosts("App.Example.com")
              .build();

      assertEquals("client", config.client().clientId());
      assertEquals(List.of("https://api.example.com"), config.client().resources());
      assertEquals(Optional.of("/app/logout"), config.routes().logoutPath());
      assertEquals(Duration.ofMinutes(3), config.timeouts().loginTimeout());
      assertEquals(Set.of("app.example.com"), config.origin().allowedHosts());
    }

    @Test
    void whenAPartIsMadeDirectlyThenItIsCheckedAsTheBuilderChecksIt() {
      assertEquals(
          "gatehouse.login.connect-timeout: must be positive",
          failure(
              () ->
                  new LoginTimeouts(
                      Duration.ZERO,
                      LoginTimeouts.DEFAULT_REQUEST_TIMEOUT,
                      LoginTimeouts.DEFAULT_LOGIN_TIMEOUT,
                      LoginTimeouts.DEFAULT_REFRESH_AHEAD)));
      assertEquals(
          "gatehouse.login.paths: at least one path",
          failure(() -> new LoginRoutes("/cb", Set.of(), Optional.empty(), "/")));
    }

    @Test
    void whenTheSecretIsSetThenNoPartShowsIt() {
      LoginConfig config = LoginConfig.forClient("client", "s3cret-value", "/cb").build();

      assertFalse(config.toString().contains("s3cret-value"));
      assertFalse(config.client().toString().contains("s3cret-value"), config.client()::toString);
    }
  }

  @Nested
  class Resources {

    @Test
    void whenNoneAreSetThenNeitherResourceNorAudienceIsConfigured() {
      LoginConfig config = valid().build();

      assertEquals(List.of(), config.resources());
      assertEquals(Optional.empty(), config.audience());
    }

    @Test
    void whenSeveralAreBoundThenAllAreKeptInOrder() {
      Map<String, String> values =
          Map.of(
              "gatehouse.login.client-id", "c",
              "gatehouse.login.client-secret", "s",
              "gatehouse.login.redirect-path", "/cb",
              "gatehouse.login.resource", "https://b.example.com, urn:example:a");

      LoginConfig config =
          new LoginConfigBinder(key -> Optional.ofNullable(values.get(key))).bind();

      assertEquals(List.of("https://b.example.com", "urn:example:a"), config.resources());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "api.example.com", "https://api.example.com/#x", "https://a b"})
    void whenAResourceIsNotAnAbsoluteUriWithoutFragmentThenTheBuildFailsNamingIt(String value) {
      assertEquals(
          "gatehouse.login.resource: '"
              + value
              + "' must be an absolute URI without a fragment, like https://api.example.com",
          failure(() -> valid().resources(value).build()));
    }
  }
}
