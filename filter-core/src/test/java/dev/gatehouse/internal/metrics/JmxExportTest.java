package dev.gatehouse.internal.metrics;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;

/** The MBean: its name, its attributes, and its life alongside the filter's. */
class JmxExportTest {

  private static final String ISSUER = "https://tenant.example.auth0.com/";
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

  private static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(ISSUER)
        .audiences(AUDIENCE)
        .publicKey(TestKeys.pem(TestKeys.RSA));
  }

  @Test
  void whenTheFilterStartsThenItsMBeanIsNamedAfterTheFilterAndGoesAwayWithIt() {
    String name;
    try (MeteredApi api = MeteredApi.start("orders-api", config().build())) {
      name = api.expectedInstance();
      assertEquals("orders-api", name);
      assertTrue(MeteredApi.registered(name));
      assertEquals(200, api.get("echo", new TestTokens(ISSUER).valid().build()));
      assertEquals(1, MeteredApi.jmx(name, "requests.accepted"));
    }
    assertFalse(MeteredApi.registered(name), "destroy() unregisters it");
  }

  @Test
  void whenTheContextIsNotTheRootThenItsPathIsPartOfTheName() {
    try (MeteredApi api = MeteredApi.start("gatehouse", "/shop", config().build(), Map.of())) {
      assertEquals("shop/gatehouse", api.expectedInstance());
      assertTrue(MeteredApi.registered("shop/gatehouse"));
    }
  }

  @Test
  void whenTwoFiltersHaveTheSameNameThenTheSecondGetsASuffixAndEachCountsItsOwn() {
    String token = new TestTokens(ISSUER).valid().build();
    try (MeteredApi first = MeteredApi.start("twin", config().build());
        MeteredApi second = MeteredApi.start("twin", config().build())) {
      assertTrue(MeteredApi.registered("twin"));
      assertTrue(MeteredApi.registered("twin-2"));
      first.get("echo", token);
      second.get("echo", token);
      second.get("echo", token);

      assertEquals(1, MeteredApi.jmx("twin", "requests.accepted"));
      assertEquals(2, MeteredApi.jmx("twin-2", "requests.accepted"));
    }
    assertFalse(MeteredApi.registered("twin"));
    assertFalse(MeteredApi.registered("twin-2"));
  }

  @Test
  void whenJmxIsSwitchedOffInCodeThenNoMBeanIsRegistered() {
    try (MeteredApi api =
        MeteredApi.start(
            "quiet", config().metrics(MetricsSettings.defaults().withoutJmx()).build())) {
      assertEquals(401, api.get("echo", null));
      assertFalse(MeteredApi.registered("quiet"));
    }
  }

  @Test
  void whenJmxIsSwitchedOffByInitParamThenNoMBeanIsRegistered() {
    Map<String, String> params =
        Map.of(
            "gatehouse.issuer",
            ISSUER,
            "gatehouse.audiences",
            AUDIENCE,
            "gatehouse.public-key",
            TestKeys.pem(TestKeys.RSA),
            "gatehouse.metrics.jmx",
            "false");
    try (MeteredApi api = MeteredApi.startWithInitParams("quiet-web-xml", params)) {
      assertEquals(401, api.get("echo", null));
      assertFalse(MeteredApi.registered("quiet-web-xml"));
    }
  }

  @Test
  void whenTheMBeanIsDescribedThenEveryReasonCodeHasAReadOnlyLongAttribute() throws Exception {
    try (MeteredApi api = MeteredApi.start("described", config().build())) {
      MBeanAttributeInfo[] attributes =
          SERVER.getMBeanInfo(MeteredApi.objectName("described")).getAttributes();
      Set<String> names =
          Arrays.stream(attributes).map(MBeanAttributeInfo::getName).collect(Collectors.toSet());

      for (Rejection r : Rejection.values()) {
        assertTrue(names.contains("requests.rejected." + r.reasonCode()), r.reasonCode());
      }
      for (Cause c : Cause.values()) {
        String code = c.name().toLowerCase(Locale.ROOT);
        assertTrue(names.contains("requests.unavailable." + code), code);
      }
      for (MBeanAttributeInfo a : attributes) {
        assertEquals("long", a.getType(), a.getName());
        assertTrue(a.isReadable() && !a.isWritable(), a.getName());
      }
      assertThrows(
          AttributeNotFoundException.class,
          () ->
              SERVER.setAttribute(
                  MeteredApi.objectName("described"), new Attribute("requests.accepted", 5L)));
      assertThrows(
          AttributeNotFoundException.class,
          () -> SERVER.getAttribute(MeteredApi.objectName("described"), "requests.rejected.other"));
    }
  }
}
