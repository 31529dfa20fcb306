package dev.gatehouse.internal.metrics;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Meters in a Micrometer registry: names, tags from fixed sets, and removal on destroy. */
class MicrometerExportTest {

  private static final String ISSUER = "https://tenant.example.auth0.com/";

  private static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(ISSUER)
        .audiences(AUDIENCE)
        .publicKey(TestKeys.pem(TestKeys.RSA));
  }

  private static double count(MeterRegistry registry, String name, String filter, String... tags) {
    FunctionCounter counter =
        registry.find(name).tag(MicrometerExport.FILTER_TAG, filter).tags(tags).functionCounter();
    if (counter == null) {
      throw new AssertionError("no " + name + " " + List.of(tags) + " for " + filter);
    }
    return counter.count();
  }

  @Test
  void whenARegistryIsGivenInCodeThenRequestsAndCacheAreCountedThere() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TestTokens tokens = new TestTokens(ISSUER);
    String token = tokens.valid().build();
    try (MeteredApi api =
        MeteredApi.start(
            "metered",
            config().metrics(MetricsSettings.defaults().withMeterRegistry(registry)).build())) {
      api.get("echo", token);
      api.get("echo", token);
      api.get("echo", tokens.valid().expiresAt(Instant.now().minusSeconds(600)).build());

      assertEquals(
          2,
          count(
              registry, "gatehouse.requests", "metered", "outcome", "accepted", "reason", "none"));
      assertEquals(
          1,
          count(
              registry,
              "gatehouse.requests",
              "metered",
              "outcome",
              "rejected",
              "reason",
              "expired"));
      assertEquals(
          0,
          count(
              registry,
              "gatehouse.requests",
              "metered",
              "outcome",
              "unavailable",
              "reason",
              "keys_unavailable"));
      assertEquals(1, count(registry, "gatehouse.token.cache", "metered", "result", "hit"));
      assertEquals(2, count(registry, "gatehouse.token.cache", "metered", "result", "miss"));
    }
    assertTrue(registry.getMeters().isEmpty(), "destroy() removes every meter");
  }

  @Test
  void whenTheRegistryIsAServletContextAttributeThenItIsUsed() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (MeteredApi api =
        MeteredApi.start(
            "from-context",
            "/",
            config().build(),
            Map.of(MetricsSettings.METER_REGISTRY_ATTRIBUTE, registry))) {
      api.get("echo", null);

      assertEquals(
          1,
          count(
              registry,
              "gatehouse.requests",
              "from-context",
              "outcome",
              "rejected",
              "reason",
              "missing_token"));
    }
  }

  @Test
  void whenNoRegistryIsGivenThenTheGlobalRegistryGetsTheMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try (MeteredApi api = MeteredApi.start("global", config().build())) {
      api.get("echo", null);

      assertEquals(
          1,
          count(
              Metrics.globalRegistry,
              "gatehouse.requests",
              "global",
              "outcome",
              "rejected",
              "reason",
              "missing_token"));
      assertEquals(
          1,
          count(
              registry,
              "gatehouse.requests",
              "global",
              "outcome",
              "rejected",
              "reason",
              "missing_token"));
    } finally {
      Metrics.removeRegistry(registry);
    }
    assertNull(Metrics.globalRegistry.find("gatehouse.requests").tag("filter", "global").meter());
  }

  @Test
  void whenMicrometerIsSwitchedOffThenNoMeterIsRegisteredAndJmxStillIs() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (MeteredApi api =
        MeteredApi.start(
            "no-meters",
            "/",
            config().metrics(MetricsSettings.defaults().withoutMicrometer()).build(),
            Map.of(MetricsSettings.METER_REGISTRY_ATTRIBUTE, registry))) {
      api.get("echo", null);

      assertTrue(registry.getMeters().isEmpty());
      assertEquals(1, api.jmx("requests.rejected.missing_token"));
    }
  }

  @Test
  void whenTheGivenRegistryIsNotAMeterRegistryThenTheFilterStillWorksWithJmx() {
    try (MeteredApi api =
        MeteredApi.start(
            "odd-registry",
            "/",
            config().build(),
            Map.of(MetricsSettings.METER_REGISTRY_ATTRIBUTE, "not a registry"))) {
      assertEquals(200, api.get("echo", new TestTokens(ISSUER).valid().build()));
      assertEquals(1, api.jmx("requests.accepted"));
    }
  }

  @Test
  void whenTheRegistryRefusesAMeterThenNoneIsLeftBehindAndTheFilterStillWorks() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // Another library's plain counter under one of Gatehouse's names and tags: a FunctionCounter
    // cannot be registered over it.
    registry.counter("gatehouse.token.cache", "filter", "clash", "result", "hit");
    try (MeteredApi api =
        MeteredApi.start(
            "clash",
            config().metrics(MetricsSettings.defaults().withMeterRegistry(registry)).build())) {
      assertEquals(200, api.get("echo", new TestTokens(ISSUER).valid().build()));

      assertEquals(1, registry.getMeters().size(), registry.getMeters()::toString);
      assertEquals(1, api.jmx("requests.accepted"));
    }
  }

  @Test
  void whenTwoFiltersShareARegistryThenTheirFilterTagsDiffer() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GatehouseConfig shared =
        config()
            .metrics(MetricsSettings.defaults().withoutJmx().withMeterRegistry(registry))
            .build();
    try (MeteredApi first = MeteredApi.start("pair", shared);
        MeteredApi second = MeteredApi.start("pair", shared)) {
      first.get("echo", null);
      second.get("echo", null);
      second.get("echo", null);

      assertEquals(
          1,
          count(
              registry,
              "gatehouse.requests",
              "pair",
              "outcome",
              "rejected",
              "reason",
              "missing_token"));
      assertEquals(
          2,
          count(
              registry,
              "gatehouse.requests",
              "pair-2",
              "outcome",
              "rejected",
              "reason",
              "missing_token"));
    }
  }

  @Test
  void whenMetersAreListedThenEachNameHasOneTagSetFromFixedValuesOnly() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (MeteredApi api =
        MeteredApi.start(
            "shape",
            config().metrics(MetricsSettings.defaults().withMeterRegistry(registry)).build())) {
      api.get("echo", "attacker-chosen-value");
      Map<String, Set<Set<String>>> tagKeysByName =
          registry.getMeters().stream()
              .collect(
                  Collectors.groupingBy(
                      m -> m.getId().getName(),
                      Collectors.mapping(
                          m ->
                              m.getId().getTags().stream()
                                  .map(Tag::getKey)
                                  .collect(Collectors.toSet()),
                          Collectors.toSet())));

      // A Prometheus registry refuses one name with two sets of tag keys.
      tagKeysByName.forEach((name, keySets) -> assertEquals(1, keySets.size(), name));
      assertEquals(
          Set.of("filter", "outcome", "reason"),
          tagKeysByName.get("gatehouse.requests").iterator().next());
      long requestSeries = registry.find("gatehouse.requests").meters().size();
      assertEquals(2 + Rejection.values().length + Cause.values().length, requestSeries);
      for (Meter m : registry.getMeters()) {
        assertTrue(m.getId().getTags().stream().noneMatch(t -> t.getValue().contains("attacker")));
      }
    }
  }
}
