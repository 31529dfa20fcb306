package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Setting strings, from any source, into a {@link GatehouseConfig}; errors name the property. */
class ConfigBinderTest {

  private static final String ISSUER = "https://tenant.auth0.com/";

  private final Map<String, String> properties = new HashMap<>();

  private ConfigBinderTest with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  private ConfigBinderTest minimal() {
    return with("gatehouse.issuer", ISSUER).with("gatehouse.audiences", "https://api.example");
  }

  private GatehouseConfig bind() {
    return new ConfigBinder(key -> Optional.ofNullable(properties.get(key))).bind();
  }

  private String failure() {
    return assertThrows(IllegalArgumentException.class, this::bind).getMessage();
  }

  @Nested
  class Required {

    @Test
    void whenTheIssuerIsMissingThenTheErrorNamesItAndItsAliases() {
      String message = with("gatehouse.audiences", "a").failure();

      assertTrue(message.startsWith("gatehouse.issuer"), message);
      assertTrue(message.contains("GATEHOUSE_ISSUER"), message);
      assertTrue(message.contains("mp.jwt.verify.issuer"), message);
    }

    @Test
    void whenTheIssuerIsBlankThenItCountsAsMissing() {
      assertTrue(
          with("gatehouse.issuer", "  ")
              .with("gatehouse.audiences", "a")
              .failure()
              .startsWith("gatehouse.issuer"));
    }

    @Test
    void whenTheAudienceIsMissingThenTheErrorNamesIt() {
      assertTrue(with("gatehouse.issuer", ISSUER).failure().startsWith("gatehouse.audiences: "));
    }

    @Test
    void whenTheIssuerIsABareDomainThenItBecomesAnHttpsUrl() {
      GatehouseConfig config =
          with("gatehouse.issuer", "tenant.auth0.com").with("gatehouse.audiences", "a").bind();

      assertEquals(URI.create("https://tenant.auth0.com/"), config.issuer());
    }
  }

  @Nested
  class Durations {

    @ParameterizedTest
    @CsvSource({
      "30s, 30000",
      "PT1M, 60000",
      "pt1m, 60000",
      "45, 45000",
      "1500ms, 1500",
      "2m, 120000",
      "1h, 3600000",
      "' 10 s ', 10000"
    })
    void whenWrittenInAnyAcceptedFormThenParsed(String written, long millis) {
      GatehouseConfig config = minimal().with("gatehouse.jwks.refresh-cooldown", written).bind();

      assertEquals(Duration.ofMillis(millis), config.keys().refreshCooldown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.5s", "30 seconds", "P", "s"})
    void whenNotADurationThenTheErrorNamesTheProperty(String written) {
      String message = minimal().with("gatehouse.http.read-timeout", written).failure();

      assertTrue(message.startsWith("gatehouse.http.read-timeout: '" + written + "'"), message);
    }

    @Test
    void whenParsedButOutOfRangeThenBuildNamesTheProperty() {
      String message = minimal().with("gatehouse.clock-skew", "10m").failure();

      assertTrue(message.startsWith("gatehouse.clock-skew: "), message);
    }

    @Test
    void whenEveryDurationIsSetThenEachLandsInItsPlace() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.clock-skew", "5s")
              .with("gatehouse.http.connect-timeout", "700ms")
              .with("gatehouse.http.read-timeout", "900ms")
              .with("gatehouse.http.deadline", "4s")
              .with("gatehouse.jwks.cache-duration", "15m")
              .with("gatehouse.jwks.retain-on-error", "2h")
              .bind();

      assertEquals(Duration.ofSeconds(5), config.clockSkew());
      assertEquals(Duration.ofMillis(700), config.http().connectTimeout());
      assertEquals(Duration.ofMillis(900), config.http().readTimeout());
      assertEquals(Duration.ofSeconds(4), config.http().deadline());
      assertEquals(Duration.ofMinutes(15), config.keys().cacheDuration());
      assertEquals(Duration.ofHours(2), config.keys().retention());
    }
  }

  @Nested
  class ListsNumbersAndFlags {

    @Test
    void whenListsAreCommaOrSpaceSeparatedThenEachEntryCounts() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.audiences", "https://api.example, urn:other  urn:third")
              .with("gatehouse.required-scopes", "read,write")
              .with("gatehouse.algorithms", "RS256 ES256")
              .with("gatehouse.scope-claims", "scope, roles")
              .bind();

      assertEquals(Set.of("https://api.example", "urn:other", "urn:third"), config.audiences());
      assertEquals(Set.of("read", "write"), config.requiredScopes());
      assertEquals(Set.of("RS256", "ES256"), config.algorithms());
      assertEquals(List.of("scope", "roles"), config.scopeClaims());
    }

    @Test
    void whenScopeClaimsAreNestedPathsThenTheyAreKeptAsWritten() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.scope-claims", "scope,realm_access.roles")
              .with("gatehouse.principal-claim", "preferred_username")
              .bind();

      assertEquals(List.of("scope", "realm_access.roles"), config.scopeClaims());
      assertEquals("preferred_username", config.principalClaim().name());
    }

    @Test
    void whenThePrincipalClaimIsNotSetThenItIsSub() {
      assertEquals("sub", minimal().bind().principalClaim().name());
    }

    @Test
    void whenAScopeClaimPathHasAnEmptyPartThenTheErrorNamesTheProperty() {
      String message =
          minimal().with("gatehouse.scope-claims", "scope,realm_access..roles").failure();

      assertTrue(message.startsWith("gatehouse.scope-claims: "), message);
    }

    @Test
    void whenThePrincipalClaimPathHasAnEmptyPartThenTheErrorNamesTheProperty() {
      String message = minimal().with("gatehouse.principal-claim", "profile.").failure();

      assertTrue(message.startsWith("gatehouse.principal-claim: "), message);
    }

    @Test
    void whenFlagsAreTrueInAnyCaseThenTheyAreOn() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.allow-query-token", "TRUE")
              .with("gatehouse.allow-form-token", " true ")
              .with("gatehouse.allow-insecure-loopback-http", "True")
              .bind();

      assertTrue(config.tokens().queryParameter());
      assertTrue(config.tokens().formParameter());
      assertTrue(config.insecureLoopbackHttp());
    }

    @Test
    void whenFlagsAreFalseThenTheyStayOff() {
      GatehouseConfig config = minimal().with("gatehouse.allow-query-token", "false").bind();

      assertFalse(config.tokens().queryParameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on"})
    void whenAFlagIsNotTrueOrFalseThenTheErrorNamesIt(String written) {
      String message = minimal().with("gatehouse.allow-query-token", written).failure();

      assertTrue(message.startsWith("gatehouse.allow-query-token: "), message);
    }

    @Test
    void whenANumberIsNotWholeThenTheErrorNamesIt() {
      String message = minimal().with("gatehouse.max-token-length", "8k").failure();

      assertTrue(message.startsWith("gatehouse.max-token-length: '8k'"), message);
    }

    @Test
    void whenNumbersAndTheRealmAreSetThenTheyLandInTheirPlace() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.max-token-length", "4096")
              .with("gatehouse.http.max-response-bytes", "65536")
              .with("gatehouse.realm", "orders")
              .bind();

      assertEquals(4096, config.tokens().maxLength());
      assertEquals(65536, config.http().maxResponseBytes());
      assertEquals("orders", config.realm());
    }
  }

  @Nested
  class MicroProfileJwtAliases {

    @Test
    void whenOnlyMicroProfileNamesAreUsedThenTheyConfigureEverything() {
      GatehouseConfig config =
          with("mp.jwt.verify.issuer", "tenant.auth0.com")
              .with("mp.jwt.verify.audiences", "https://api.example,urn:b")
              .with("mp.jwt.verify.publickey.algorithm", "ES256")
              .with("mp.jwt.verify.clock.skew", "10")
              .with("mp.jwt.verify.publickey", TestKeys.pem(TestKeys.EC))
              .bind();

      assertEquals(URI.create("https://tenant.auth0.com/"), config.issuer());
      assertEquals(Set.of("https://api.example", "urn:b"), config.audiences());
      assertEquals(Set.of("ES256"), config.algorithms());
      assertEquals(Duration.ofSeconds(10), config.clockSkew());
      assertEquals(TestKeys.pem(TestKeys.EC).trim(), config.publicKey().orElseThrow());
    }

    @Test
    void whenBothNamesAreSetThenTheGatehouseNameWins() {
      GatehouseConfig config =
          minimal()
              .with("mp.jwt.verify.issuer", "https://other.example/")
              .with("mp.jwt.verify.clock.skew", "5")
              .with("gatehouse.clock-skew", "7")
              .bind();

      assertEquals(URI.create(ISSUER), config.issuer());
      assertEquals(Duration.ofSeconds(7), config.clockSkew());
    }

    @Test
    void whenAnAliasHoldsABadValueThenTheErrorNamesTheAlias() {
      String message = minimal().with("mp.jwt.verify.clock.skew", "later").failure();

      assertTrue(message.startsWith("mp.jwt.verify.clock.skew: 'later'"), message);
    }

    @Test
    void whenTheKeyLocationIsAnHttpsUrlThenItIsTheJwksUri() {
      GatehouseConfig config =
          minimal()
              .with(
                  "mp.jwt.verify.publickey.location",
                  "https://tenant.auth0.com/.well-known/jwks.json")
              .bind();

      assertEquals(
          URI.create("https://tenant.auth0.com/.well-known/jwks.json"),
          config.jwksUri().orElseThrow());
      assertTrue(config.publicKey().isEmpty());
    }

    @Test
    void whenTheKeyLocationIsAPlainHttpLoopbackUrlAndThatIsAllowedThenItIsTheJwksUri() {
      GatehouseConfig config =
          minimal()
              .with("mp.jwt.verify.publickey.location", "http://127.0.0.1:8081/jwks")
              .with("gatehouse.allow-insecure-loopback-http", "true")
              .bind();

      assertEquals(URI.create("http://127.0.0.1:8081/jwks"), config.jwksUri().orElseThrow());
    }

    @Test
    void whenTheKeyLocationIsAPlainHttpUrlOffLoopbackThenBuildRefusesIt() {
      String message =
          minimal().with("mp.jwt.verify.publickey.location", "http://keys.example/jwks").failure();

      assertTrue(message.startsWith("gatehouse.jwks-uri: "), message);
    }

    @Test
    void whenTheKeyLocationIsAFilePathThenThePemIsRead(@TempDir Path dir) throws IOException {
      Path pem = Files.writeString(dir.resolve("key.pem"), TestKeys.pem(TestKeys.RSA));

      GatehouseConfig byPath =
          minimal().with("mp.jwt.verify.publickey.location", pem.toString()).bind();
      GatehouseConfig byFileUrl =
          minimal().with("mp.jwt.verify.publickey.location", pem.toUri().toString()).bind();

      assertEquals(TestKeys.pem(TestKeys.RSA), byPath.publicKey().orElseThrow() + "\n");
      assertEquals(byPath.publicKey(), byFileUrl.publicKey());
    }

    @Test
    void whenTheKeyLocationIsAClasspathResourceThenItIsRead(@TempDir Path dir) throws IOException {
      Files.createDirectories(dir.resolve("keys"));
      Files.writeString(dir.resolve("keys/issuer.pem"), TestKeys.pem(TestKeys.RSA));
      Thread thread = Thread.currentThread();
      ClassLoader original = thread.getContextClassLoader();
      try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
        thread.setContextClassLoader(loader);

        GatehouseConfig config =
            minimal().with("gatehouse.public-key-location", "classpath:/keys/issuer.pem").bind();

        assertEquals(TestKeys.pem(TestKeys.RSA).trim(), config.publicKey().orElseThrow());
      } finally {
        thread.setContextClassLoader(original);
      }
    }

    @Test
    void whenTheKeyFileDoesNotExistThenTheErrorNamesTheAliasUsed(@TempDir Path dir) {
      String missing = dir.resolve("absent.pem").toString();

      String message = minimal().with("mp.jwt.verify.publickey.location", missing).failure();

      assertTrue(message.startsWith("mp.jwt.verify.publickey.location: cannot read"), message);
    }

    @Test
    void whenTheClasspathResourceDoesNotExistThenTheErrorNamesIt() {
      String message =
          minimal().with("gatehouse.public-key-location", "classpath:nowhere/key.pem").failure();

      assertTrue(
          message.startsWith(
              "gatehouse.public-key-location: no classpath resource nowhere/key.pem"),
          message);
    }
  }

  @Nested
  class PropertyLookups {

    @Test
    void whenTheFirstLookupHasNoValueThenTheFallbackIsAsked() {
      PropertyLookup first = key -> key.equals("a") ? Optional.of("1") : Optional.empty();
      PropertyLookup second = key -> Optional.of("2");

      PropertyLookup both = first.orElse(second);

      assertEquals(Optional.of("1"), both.get("a"));
      assertEquals(Optional.of("2"), both.get("b"));
    }

    @Test
    void everyKeyHasAnEnvironmentVariableName() {
      assertEquals("GATEHOUSE_HTTP_READ_TIMEOUT", ConfigKey.READ_TIMEOUT.environmentVariable());
      assertEquals("GATEHOUSE_JWKS_URI", ConfigKey.JWKS_URI.environmentVariable());
      assertEquals(Optional.of("mp.jwt.verify.issuer"), ConfigKey.ISSUER.microProfileAlias());
    }
  }
}
