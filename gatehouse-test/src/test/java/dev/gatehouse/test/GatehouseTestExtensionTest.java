package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The extension's lifecycle, driven directly: properties set while it runs, restored after. */
class GatehouseTestExtensionTest {

  @Test
  void whenTheProviderRunsThenTheGatehousePropertiesPointAtItAndAreRestoredAfter() {
    System.setProperty("gatehouse.audiences", "set-before");
    GatehouseTestExtension extension =
        GatehouseTestExtension.forAudience("https://api.example.com", "urn:other");
    try {
      extension.beforeAll(null);
      LocalOpenIdProvider provider = extension.provider();

      assertEquals(provider.issuer(), System.getProperty("gatehouse.issuer"));
      assertEquals("https://api.example.com,urn:other", System.getProperty("gatehouse.audiences"));
      assertEquals("true", System.getProperty("gatehouse.allow-insecure-loopback-http"));

      extension.afterAll(null);

      assertNull(System.getProperty("gatehouse.issuer"));
      assertEquals("set-before", System.getProperty("gatehouse.audiences"));
      assertThrows(IllegalStateException.class, extension::provider);
    } finally {
      System.clearProperty("gatehouse.audiences");
    }
  }

  @Test
  void whenPerClassThenEachTestEndsWithAHealthyProviderAtTheSystemsTime() throws Exception {
    GatehouseTestExtension extension =
        GatehouseTestExtension.forAudience("https://api.example.com");
    extension.beforeAll(null);
    try {
      extension.provider().takeJwksDown();
      extension.provider().takeDown();
      extension.provider().clock().advance(java.time.Duration.ofDays(1));

      extension.afterEach(null);

      assertEquals(200, LocalOpenIdProviderTest.get(extension.provider().jwksUri()).statusCode());
      assertEquals(
          true,
          Math.abs(extension.provider().clock().millis() - System.currentTimeMillis()) < 5_000);
    } finally {
      extension.afterAll(null);
    }
  }
}
