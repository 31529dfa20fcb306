package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.login.LoginConfig;
import dev.gatehouse.login.LoginConfigBinder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which browser login the demo sets up for each provider. */
class DemoLoginTest {

  private static DemoSettings settings(Map<String, String> values) {
    return new DemoSettings(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void localWhenOfflineThenTheDemoClientOnAppWithTheApiAudience() {
    LoginConfig login = DemoLogin.local("demo-api");

    assertEquals(DemoLogin.LOCAL_CLIENT_ID, login.clientId());
    assertEquals("/app/callback", login.redirectPath());
    assertEquals(Set.of("/app/*"), login.loginPaths());
    assertEquals(Optional.of("/app/logout"), login.logoutPath());
    assertEquals("/signed-out", login.postLogoutRedirect());
    assertEquals(Optional.of("demo-api"), login.audience());
  }

  @Test
  void loginWhenNoLoginSettingThenOff() {
    assertTrue(settings(Map.of()).login("urn:api").isEmpty());
  }

  @Test
  void loginWhenClientSetThenOnWithTheDemoPathsEvenIfOthersAreGiven() {
    LoginConfig login =
        settings(
                Map.of(
                    "gatehouse.login.client-id", "web",
                    "gatehouse.login.client-secret", "secret",
                    "gatehouse.login.redirect-path", "/elsewhere/callback",
                    "gatehouse.login.scopes", "openid offline_access"))
            .login("urn:api")
            .orElseThrow();

    assertEquals("web", login.clientId());
    assertEquals("/app/callback", login.redirectPath());
    assertEquals(Optional.of("urn:api"), login.audience());
    assertTrue(login.scopes().contains("offline_access"));
  }

  @Test
  void loginWhenAnAudienceIsSetThenItWins() {
    LoginConfig login =
        settings(
                Map.of(
                    "gatehouse.login.client-id", "web",
                    "gatehouse.login.client-secret", "secret",
                    "gatehouse.login.audience", "urn:other"))
            .login("urn:api")
            .orElseThrow();

    assertEquals(Optional.of("urn:other"), login.audience());
  }

  @Test
  void loginWhenResourcesAreSetThenNoAudienceIsAddedForThem() {
    LoginConfig login =
        settings(
                Map.of(
                    "gatehouse.login.client-id", "web",
                    "gatehouse.login.client-secret", "secret",
                    "gatehouse.login.resource", "https://api.example.com"))
            .login("urn:api")
            .orElseThrow();

    assertEquals(Optional.empty(), login.audience());
    assertEquals(List.of("https://api.example.com"), login.resources());
  }

  @Test
  void helpWhenPrintedThenEveryLoginSettingIsInTheLoginSectionOnceAndProviderNeutral() {
    String help = Help.text();
    String login = help.substring(help.indexOf("Browser login"), help.indexOf("Gatehouse filter"));

    for (ConfigKey key : LoginConfigBinder.KEYS) {
      String line = "  " + key.property() + "  [" + key.environmentVariable() + "]";
      assertTrue(login.contains(line), key.property());
      assertEquals(help.indexOf(line), help.lastIndexOf(line), key.property() + " listed twice");
    }
    assertTrue(login.contains("your OpenID provider"), login);
    assertFalse(login.contains("Regular Web Application"), login);
  }

  @Test
  void helpWhenPrintedThenNamesTheAppAndTheLoginSettingsButNoSecret() {
    String help = Help.text();

    assertTrue(help.contains("GET  /app"));
    assertTrue(help.contains("gatehouse.login.client-secret  [GATEHOUSE_LOGIN_CLIENT_SECRET]"));
    assertFalse(help.contains("local-web-secret"));
  }
}
