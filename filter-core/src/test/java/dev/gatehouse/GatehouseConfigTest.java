package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration value: secure defaults, and {@code build()} failures that name the property.
 */
class GatehouseConfigTest {

  private static final String ISSUER = "https://tenant.auth0.com/";

  private static GatehouseConfigBuilder valid() {
    return GatehouseConfig.forIssuer(ISSUER).audiences("https://api.example");
  }

  private static String failure(GatehouseConfigBuilder builder) {
    return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
  }

  @Nested
  class Defaults {

    @Test
    void whenOnlyIssuerAndAudienceAreGivenThenEverythingElseIsTheSecureDefault() {
      GatehouseConfig config = valid().build();

      assertEquals(URI.create(ISSUER), config.issuer());
      assertEquals(Set.of("https://api.example"), config.audiences());
      assertEquals(Set.of("RS256"), config.algorithms());
      assertEquals(Duration.ofSeconds(30), config.clockSkew());
      assertEquals(List.of("scope", "scp", "permissions"), config.scopeClaims());
      assertEquals("api", config.realm());
      assertFalse(config.tokens().queryParameter());
      assertFalse(config.tokens().formParameter());
      assertFalse(config.insecureLoopbackHttp());
      assertEquals(8192, config.tokens().maxLength());
      assertEquals(Duration.ofSeconds(5), config.http().deadline());
      assertEquals(Duration.ofSeconds(30), config.keys().refreshCooldown());
      assertEquals(Duration.ofHours(24), config.keys().retention());
      assertTrue(config.jwksUri().isEmpty());
      assertTrue(config.publicKey().isEmpty());
      assertTrue(config.requiredScopes().isEmpty());
      assertTrue(config.access().rule().isEmpty());
    }

    @Test
    void whenBuiltThenCollectionsCannotBeChanged() {
      GatehouseConfig config = valid().requiredScopes("read").build();

      assertThrows(UnsupportedOperationException.class, () -> config.audiences().add("x"));
      assertThrows(UnsupportedOperationException.class, () -> config.algorithms().add("ES256"));
      assertThrows(UnsupportedOperationException.class, () -> config.requiredScopes().clear());
    }
  }

  @Nested
  class Issuer {

    @Test
    void whenABareDomainIsGivenThenItBecomesTheHttpsUrlAuth0Writes() {
      assertEquals(
          URI.create("https://tenant.auth0.com/"),
          GatehouseConfig.forIssuer("  tenant.auth0.com ").audiences("a").build().issuer());
    }

    @Test
    void whenAUrlIsGivenThenItIsKeptExactlyAsWritten() {
      assertEquals(
          URI.create("https://login.example.com/realms/main"),
          GatehouseConfig.forIssuer("https://login.example.com/realms/main")
              .audiences("a")
              .build()
              .issuer());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "   ",
          "tenant.auth0.com/path",
          "https://x.example/?a=b",
          "https://x.example/#f"
        })
    void whenTheIssuerIsUnusableThenTheErrorNamesGatehouseIssuer(String issuer) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GatehouseConfig.forIssuer(issuer));

      assertTrue(e.getMessage().startsWith("gatehouse.issuer: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://tenant.auth0.com/", "ftp://tenant.auth0.com/"})
    void whenTheIssuerIsNotHttpsThenBuildFails(String issuer) {
      String message = failure(GatehouseConfig.forIssuer(issuer).audiences("a"));

      assertTrue(message.startsWith("gatehouse.issuer: "), message);
      assertTrue(message.contains("must use https"), message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"http://127.0.0.1:8080/", "http://localhost:8080/", "http://[::1]:8080/"})
    void whenPlainHttpOnLoopbackIsAllowedThenLoopbackIssuersBuild(String issuer) {
      assertFailsThenBuilds(GatehouseConfig.forIssuer(issuer).audiences("a"));
    }

    @Test
    void whenPlainHttpIsAllowedThenAHostThatMerelyLooksLocalIsStillRefused() {
      String message =
          failure(
              GatehouseConfig.forIssuer("http://127.0.0.1.nip.io/")
                  .audiences("a")
                  .allowInsecureLoopbackHttp());

      assertTrue(message.startsWith("gatehouse.issuer: "), message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://cafe:8080/",
          "http://dead:8080/",
          "http://[::2]:8080/",
          "http://2130706433/",
          "http://0177.0.0.1/",
          "http://localhost.:8080/",
          "http://128.0.0.1/"
        })
    void whenAHostOnlyLooksLikeALoopbackAddressThenPlainHttpIsRefusedWithLoopbackAllowed(
        String issuer) {
      // Hex-letter names such as cafe once matched the IPv6 pattern and were resolved: whatever
      // DNS or the hosts file says, only IP literals in 127.0.0.0/8, [::1] and localhost count.
      String message =
          failure(GatehouseConfig.forIssuer(issuer).audiences("a").allowInsecureLoopbackHttp());

      assertTrue(message.startsWith("gatehouse.issuer: "), message);
      assertTrue(message.contains("must use https"), message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://127.0.0.2:8080/",
          "http://127.255.255.254/",
          "http://LOCALHOST:8080/",
          "http://[0:0:0:0:0:0:0:1]:8080/"
        })
    void whenTheHostIsAnotherSpellingOfLoopbackThenPlainHttpIsAllowed(String issuer) {
      assertFailsThenBuilds(GatehouseConfig.forIssuer(issuer).audiences("a"));
    }

    @Test
    void whenAStaticKeyIsGivenThenThePlainHttpIssuerIsNeverFetchedSoItBuilds() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer("http://issuer.internal/")
              .audiences("a")
              .publicKey(TestKeys.pem(TestKeys.RSA))
              .build();

      assertEquals(URI.create("http://issuer.internal/"), config.issuer());
    }

    private void assertFailsThenBuilds(GatehouseConfigBuilder builder) {
      assertTrue(failure(builder).contains("gatehouse.allow-insecure-loopback-http=true"));
      assertTrue(builder.allowInsecureLoopbackHttp().build().insecureLoopbackHttp());
    }
  }

  @Nested
  class JwksUri {

    @Test
    void whenPlainHttpJwksIsOffLoopbackThenBuildFailsEvenWithLoopbackAllowed() {
      String message =
          failure(
              valid().jwksUri(URI.create("http://keys.example/jwks")).allowInsecureLoopbackHttp());

      assertTrue(
          message.startsWith("gatehouse.jwks-uri: 'http://keys.example/jwks' must use https"),
          message);
    }

    @Test
    void whenPlainHttpJwksIsOnLoopbackAndAllowedThenItBuilds() {
      GatehouseConfig config =
          valid()
              .jwksUri(URI.create("http://127.0.0.1:9999/jwks"))
              .allowInsecureLoopbackHttp()
              .build();

      assertEquals(URI.create("http://127.0.0.1:9999/jwks"), config.jwksUri().orElseThrow());
    }

    @Test
    void whenBothAJwksUriAndAStaticKeyAreGivenThenBuildFails() {
      String message =
          failure(valid().jwksUri(URI.create("https://x.example/jwks")).publicKey("{\"keys\":[]}"));

      assertTrue(message.startsWith("gatehouse.jwks-uri and gatehouse.public-key"), message);
    }
  }

  @Nested
  class StaticKeys {

    @Test
    void whenTheStaticJwksHoldsNoKeyThenBuildFailsNamingThePublicKey() {
      String message = failure(valid().publicKey("{\"keys\":[]}"));

      assertTrue(message.startsWith("gatehouse.public-key"), message);
    }

    @Test
    void whenTheStaticKeyIsNotPemNorJwksThenBuildFailsNamingThePublicKey() {
      String message =
          failure(
              valid()
                  .publicKey(
                      "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n"));

      assertTrue(message.startsWith("gatehouse.public-key"), message);
    }

    @Test
    void whenAFurtherIssuersStaticKeyIsBrokenThenBuildFailsNamingThatIssuersKey() {
      String message =
          failure(
              valid()
                  .publicKey(TestKeys.pem(TestKeys.RSA))
                  .trustIssuer(
                      TrustedIssuer.named("eu", "https://eu.example/")
                          .publicKey("garbage")
                          .build()));

      assertTrue(message.startsWith("gatehouse.issuers.eu.public-key"), message);
    }

    @Test
    void whenTheStaticKeyIsAPemPublicKeyThenItBuilds() {
      assertTrue(valid().publicKey(TestKeys.pem(TestKeys.RSA)).build().publicKey().isPresent());
    }
  }

  @Nested
  class Validation {

    static Stream<Arguments> invalidSettings() {
      return Stream.of(
          invalid("gatehouse.audiences", b -> GatehouseConfig.forIssuer(ISSUER)),
          invalid("gatehouse.algorithms", b -> b.algorithms("HS256")),
          invalid("gatehouse.algorithms", b -> b.algorithms("none")),
          invalid("gatehouse.algorithms", b -> b.algorithms("RS256", "RS1")),
          invalid("gatehouse.algorithms", b -> b.algorithms(List.of())),
          invalid("gatehouse.clock-skew", b -> b.clockSkew(Duration.ofSeconds(-1))),
          invalid("gatehouse.clock-skew", b -> b.clockSkew(Duration.ofMinutes(6))),
          invalid(
              "gatehouse.http.connect-timeout", b -> b.http(h -> h.connectTimeout(Duration.ZERO))),
          invalid(
              "gatehouse.http.read-timeout",
              b -> b.http(h -> h.readTimeout(Duration.ofMinutes(2)))),
          invalid("gatehouse.http.deadline", b -> b.http(h -> h.deadline(Duration.ZERO))),
          invalid("gatehouse.http.deadline", b -> b.http(h -> h.deadline(Duration.ofMinutes(2)))),
          invalid(
              "gatehouse.jwks.cache-duration",
              b -> b.keys(k -> k.cacheDuration(Duration.ofMillis(500)))),
          invalid(
              "gatehouse.jwks.refresh-cooldown",
              b -> b.keys(k -> k.refreshCooldown(Duration.ZERO))),
          invalid(
              "gatehouse.jwks.retain-on-error", b -> b.keys(k -> k.retention(Duration.ofDays(31)))),
          invalid("gatehouse.max-token-length", b -> b.tokens(t -> t.maxLength(63))),
          invalid("gatehouse.max-token-length", b -> b.tokens(t -> t.maxLength(64 * 1024 + 1))),
          invalid("gatehouse.http.max-response-bytes", b -> b.http(h -> h.maxResponseBytes(1023))));
    }

    private static Arguments invalid(
        String property, UnaryOperator<GatehouseConfigBuilder> change) {
      return Arguments.of(property, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void whenASettingIsOutOfRangeThenTheMessageStartsWithItsProperty(
        String property, UnaryOperator<GatehouseConfigBuilder> change) {
      String message = failure(change.apply(valid()));

      assertTrue(message.startsWith(property + ": "), message);
    }

    @Test
    void whenEveryAsymmetricAlgorithmIsChosenThenItBuilds() {
      assertEquals(
          GatehouseConfig.SUPPORTED_ALGORITHMS,
          valid().algorithms(GatehouseConfig.SUPPORTED_ALGORITHMS).build().algorithms());
    }
  }
}
