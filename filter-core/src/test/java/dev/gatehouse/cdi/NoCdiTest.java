package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.HidingClassLoader;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.AccessToken;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Without CDI on the class path, the filter works and no class of {@code dev.gatehouse.cdi} is
 * loaded: the integration costs nothing to an application that does not use CDI.
 */
class NoCdiTest {

  private static final List<String> CDI_PACKAGES =
      List.of("jakarta.enterprise.", "jakarta.inject.", "jakarta.interceptor.");

  @Test
  void whenCdiIsAbsentThenTheFilterServesATokenAndLoadsNoCdiClass() throws Exception {
    try (HidingClassLoader loader =
        new HidingClassLoader(CDI_PACKAGES, AccessToken.class, NoCdiTest.class)) {
      @SuppressWarnings("unchecked")
      Supplier<String> scenario =
          (Supplier<String>)
              loader.loadClass(FilterWithoutCdi.class.getName()).getConstructor().newInstance();

      assertEquals("200 " + TestTokens.SUBJECT, scenario.get());

      assertTrue(loader.loaded().contains("dev.gatehouse.GatehouseFilter"), "ran in the loader");
      assertTrue(loader.loaded().contains("dev.gatehouse.token.AccessToken"), "ran in the loader");
      List<String> cdiClasses =
          loader.loaded().stream()
              .filter(name -> name.startsWith("dev.gatehouse.cdi."))
              .filter(name -> !name.startsWith(FilterWithoutCdi.class.getName()))
              .sorted()
              .toList();
      assertEquals(List.of(), cdiClasses);
      assertEquals(Set.of(), loader.refused(), "nothing even asked for the CDI API");
    }
  }
}
