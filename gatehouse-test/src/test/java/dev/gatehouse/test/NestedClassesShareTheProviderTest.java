package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code @Nested} class runs against the provider its enclosing class started, not a second one.
 */
class NestedClassesShareTheProviderTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  static String issuerOfTheEnclosingClass;

  @BeforeAll
  static void remember() {
    issuerOfTheEnclosingClass = kit.provider().issuer();
  }

  @Test
  void whenTheEnclosingClassRunsThenThePropertiesNameItsProvider() {
    assertEquals(issuerOfTheEnclosingClass, System.getProperty("gatehouse.issuer"));
  }

  @Nested
  class Inner {
    @Test
    void whenANestedClassRunsThenItSeesTheSameProvider(LocalOpenIdProvider provider) {
      assertEquals(issuerOfTheEnclosingClass, provider.issuer());
      assertEquals(issuerOfTheEnclosingClass, System.getProperty("gatehouse.issuer"));
    }
  }
}
