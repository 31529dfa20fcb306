package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.time.ClockSkew;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  private static final URI LOCAL_ISSUER = URI.create("http://localhost:4321/default");

  private static DemoSettings settings(Map<String, String> values) {
    return new DemoSettings(PropertyLookup.of(values));
  }

  @Nested
  class Ports {

    @Test
    void portWhenUnsetThen8080AndAnyFreeProviderPort() {
      DemoSettings s = settings(Map.of());

      assertEquals(8080, s.port());
      assertEquals(0, s.providerPort());
    }

    @Test
    void portWhenSetThenUsed() {
      assertEquals(9090, settings(Map.of("demo.port", " 9090 ")).port());
    }

    @Test
    void portWhenNotANumberThenErrorNamesPropertyAndVariable() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> settings(Map.of("demo.port", "80a")).port());

      assertTrue(e.getMessage().startsWith("demo.port (env DEMO_PORT): '80a'"), e.getMessage());
    }
  }

  @Nested
  class Offline {

    @Test
    void modeWhenNothingSetThenLocal() {
      assertEquals(DemoSettings.Mode.LOCAL, settings(Map.of()).mode());
    }

    @Test
    void localConfigWhenNothingSetThenTrustsProviderForDemoApiOverLoopbackHttp() {
      GatehouseConfig config = settings(Map.of()).localConfig(LOCAL_ISSUER);

      assertEquals(LOCAL_ISSUER, config.issuer());
      assertEquals(Set.of("demo-api"), config.audiences());
      assertTrue(config.insecureLoopbackHttp());
    }

    @Test
    void localConfigWhenGatehouseSettingsGivenThenApplied() {
      GatehouseConfig config =
          settings(
                  Map.of(
                      "gatehouse.audiences", "my-api",
                      "gatehouse.required-scopes", "read:orders",
                      "gatehouse.clock-skew", "5s"))
              .localConfig(LOCAL_ISSUER);

      assertEquals(Set.of("my-api"), config.audiences());
      assertEquals(Set.of("read:orders"), config.requiredScopes());
      assertEquals(5, config.clockSkew().toSeconds());
    }

    @Test
    void localConfigWhenSettingsNameAClaimThenTheyAreApplied() {
      GatehouseConfig config =
          settings(Map.of("gatehouse.required-claims.org_id", "acme")).localConfig(LOCAL_ISSUER);

      assertEquals(1, config.access().claims().size());
    }
  }

  @Nested
  class Auth0 {

    @Test
    void auth0ConfigWhenDomainAndAudienceThenTenantIssuerWithTrailingSlash() {
      DemoSettings s =
          settings(
              Map.of(
                  "auth0.domain",
                  "my-tenant.eu.auth0.com",
                  "auth0.audience",
                  "urn:apigee:target:api"));

      GatehouseConfig config = s.auth0Config();

      assertEquals(DemoSettings.Mode.AUTH0, s.mode());
      assertEquals(URI.create("https://my-tenant.eu.auth0.com/"), config.issuer());
      assertEquals(Set.of("urn:apigee:target:api"), config.audiences());
      assertFalse(config.insecureLoopbackHttp());
    }

    @Test
    void auth0DomainWhenWrittenAsUrlThenHostOnly() {
      DemoSettings s = settings(Map.of("auth0.domain", "https://my-tenant.auth0.com/"));

      assertEquals("my-tenant.auth0.com", s.auth0Domain());
    }

    @Test
    void auth0DomainWhenPathGivenThenErrorNamesSetting() {
      DemoSettings s = settings(Map.of("auth0.domain", "https://my-tenant.auth0.com/oauth/token"));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::auth0Domain);
      assertTrue(e.getMessage().startsWith("auth0.domain (env AUTH0_DOMAIN)"), e.getMessage());
    }

    @Test
    void auth0ConfigWhenAudienceMissingThenErrorNamesAudience() {
      DemoSettings s = settings(Map.of("auth0.domain", "my-tenant.auth0.com"));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::auth0Config);
      assertTrue(e.getMessage().startsWith("auth0.audience (env AUTH0_AUDIENCE)"), e.getMessage());
    }

    @Test
    void modeWhenAuth0DomainAndIssuerBothSetThenError() {
      DemoSettings s =
          settings(Map.of("auth0.domain", "t.auth0.com", "gatehouse.issuer", "https://x/"));

      assertThrows(IllegalArgumentException.class, s::mode);
    }

    @Test
    void auth0ClientSecretSetWhenGivenThenOnlyItsPresenceIsExposed() {
      assertTrue(settings(Map.of("auth0.client-secret", "s3cr3t")).auth0ClientSecretSet());
    }
  }

  @Nested
  class Configured {

    @Test
    void modeWhenIssuerSetThenConfigured() {
      assertEquals(
          DemoSettings.Mode.CONFIGURED,
          settings(Map.of("mp.jwt.verify.issuer", "https://idp.example/")).mode());
    }

    @Test
    void configuredConfigWhenAudienceMissingThenCoreErrorNamesIt() {
      DemoSettings s = settings(Map.of("gatehouse.issuer", "https://idp.example/"));

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, s::configuredConfig);
      assertTrue(e.getMessage().startsWith("gatehouse.audiences"), e.getMessage());
    }
  }

  @Nested
  class HelpText {

    @Test
    void textListsEverySettingWithItsEnvironmentVariable() {
      String help = Help.text();

      for (ConfigKey key : ConfigKey.values()) {
        assertTrue(
            help.contains("  " + key.property() + "  [" + key.environmentVariable() + "]"),
            key.property());
      }
      for (String demo :
          new String[] {
            "demo.port  [DEMO_PORT]  default: 8080",
            "auth0.domain  [AUTH0_DOMAIN]",
            "auth0.audience  [AUTH0_AUDIENCE]",
            "auth0.client-id  [AUTH0_CLIENT_ID]",
            "auth0.client-secret  [AUTH0_CLIENT_SECRET]"
          }) {
        assertTrue(help.contains(demo), demo);
      }
    }

    @Test
    void whenHelpIsShownThenEveryFilterSettingHasARealDefaultAndADescription() {
      String help = Help.text();
      for (ConfigKey key : ConfigKey.values()) {
        FilterSettingsHelp.Entry entry =
            FilterSettingsHelp.of(key).orElseThrow(() -> new AssertionError(key + " has no entry"));
        assertFalse(entry.defaultValue().isBlank(), key.property());
        assertFalse(entry.description().isBlank(), key.property());
        assertTrue(
            help.contains(
                key.property()
                    + "  ["
                    + DemoSettings.environmentVariable(key.property())
                    + "]  default: "
                    + entry.defaultValue()),
            key.property());
      }
      assertFalse(help.contains("see GatehouseConfig"));
    }

    @Test
    void durationWhenWholeUnitsThenShortForm() {
      assertEquals("30s", FilterSettingsHelp.duration(ClockSkew.DEFAULT));
      assertEquals("10m", FilterSettingsHelp.duration(KeyPolicy.DEFAULTS.cacheDuration()));
      assertEquals("24h", FilterSettingsHelp.duration(KeyPolicy.DEFAULTS.retention()));
      assertEquals("1500ms", FilterSettingsHelp.duration(java.time.Duration.ofMillis(1500)));
    }
  }
}
