package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.Access;
import dev.gatehouse.introspection.IntrospectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults and {@code build()} checks of the gateway settings. */
class GatehouseConfigFeaturesTest {

  private static final String ISSUER = "https://tenant.auth0.com/";

  private static GatehouseConfigBuilder valid() {
    return GatehouseConfig.forIssuer(ISSUER).audiences("https://api.example");
  }

  private static String failure(GatehouseConfigBuilder builder) {
    return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
  }

  @Test
  void whenNothingIsConfiguredThenTheGatewayFeaturesAreOffOrOpen() {
    GatehouseConfig config = valid().build();

    assertEquals(1, config.issuers().size());
    assertEquals(URI.create(ISSUER), config.issuers().get(0).issuer());
    assertEquals(Set.of("https://api.example"), config.issuers().get(0).audiences());
    assertTrue(config.pathRules().rules().isEmpty());
    assertEquals(Access.Kind.AUTHENTICATED, config.pathRules().otherwise().kind());
    assertFalse(config.access().clients().isRestricted());
    // The default store is the filter's, made when it starts: a configuration holds no live state.
    assertEquals("memory", config.store().name());
    assertTrue(config.access().claims().isEmpty());
    assertFalse(config.identityHeaders().isPresent());
    assertFalse(config.introspection().isPresent());
  }

  @Test
  void whenSeveralIssuersAreGivenThenTheFirstAnswersTheSingleIssuerAccessors() {
    GatehouseConfig config =
        GatehouseConfig.forIssuers(
                TrustedIssuer.forIssuer("a.example.com").audiences("urn:a").build(),
                TrustedIssuer.forIssuer("b.example.com").build())
            .build();

    assertEquals(URI.create("https://a.example.com/"), config.issuer());
    assertEquals(Set.of("urn:a"), config.audiences());
    assertEquals(
        List.of(URI.create("https://a.example.com/"), URI.create("https://b.example.com/")),
        config.issuers().stream().map(TrustedIssuer::issuer).toList());
    assertEquals(Set.of("urn:a"), config.issuers().get(1).audiences(), "inherited");
  }

  @Test
  void whenAnAddedIssuerIsPlainHttpThenBuildNamesIt() {
    String message =
        failure(valid().trustIssuer(TrustedIssuer.forIssuer("http://idp.example/").build()));

    assertTrue(
        message.startsWith(
            "trustIssuer(http://idp.example/).issuer: 'http://idp.example/' must use https"),
        message);
  }

  @Test
  void whenTheIntrospectionEndpointIsPlainHttpOnLoopbackThenItNeedsTheLoopbackFlag() {
    IntrospectionConfig loopback =
        IntrospectionConfig.forEndpoint(URI.create("http://127.0.0.1:9/introspect"))
            .clientCredentials("rs", "secret")
            .build();

    assertTrue(
        failure(valid().introspection(loopback)).startsWith("gatehouse.introspection.endpoint: "));
    assertTrue(
        valid()
            .introspection(loopback)
            .allowInsecureLoopbackHttp()
            .build()
            .introspection()
            .isPresent());
  }

  @Test
  void whenIntrospectionBoundsAreOutOfRangeThenBuildNamesThem() {
    IntrospectionConfig.Builder b =
        IntrospectionConfig.forEndpoint(URI.create("https://idp.example/i"))
            .clientCredentials("rs", "s");

    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> b.cache(Duration.ofMinutes(5), Duration.ofSeconds(1), 0).build())
            .getMessage()
            .startsWith("gatehouse.introspection.cache-max-entries: 0"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    b.cache(Duration.ofMinutes(5), Duration.ofSeconds(1), 10)
                        .timeout(Duration.ZERO)
                        .build())
            .getMessage()
            .startsWith("gatehouse.introspection.timeout: "));
  }

  @Test
  void whenABlankClientIdIsGivenThenBuildNamesTheList() {
    assertThrows(IllegalArgumentException.class, () -> valid().clients(c -> c.allowed(" ")));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> valid().clients(c -> c.denied("")))
            .getMessage()
            .startsWith("gatehouse.clients.denied"));
  }
}
