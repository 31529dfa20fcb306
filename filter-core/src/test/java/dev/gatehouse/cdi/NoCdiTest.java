package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.AccessToken;
import dev.gatehouse.testing.TestTokens;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    try (WithoutCdi loader = new WithoutCdi()) {
      @SuppressWarnings("unchecked")
      Supplier<String> scenario =
          (Supplier<String>)
              loader.loadClass(FilterWithoutCdi.class.getName()).getConstructor().newInstance();

      assertEquals("200 " + TestTokens.SUBJECT, scenario.get());

      assertTrue(loader.loaded.contains("dev.gatehouse.GatehouseFilter"), "ran in the loader");
      assertTrue(loader.loaded.contains("dev.gatehouse.AccessToken"), "ran in the loader");
      List<String> cdiClasses =
          loader.loaded.stream()
              .filter(name -> name.startsWith("dev.gatehouse.cdi."))
              .filter(name -> !name.startsWith(FilterWithoutCdi.class.getName()))
              .sorted()
              .toList();
      assertEquals(List.of(), cdiClasses);
      assertEquals(Set.of(), loader.hiddenRequested, "nothing even asked for the CDI API");
    }
  }

  /**
   * Loads Gatehouse's classes (main and test) itself, so it sees each one; hides the CDI, inject
   * and interceptor APIs, as a servlet container without CDI would; takes everything else (Jetty,
   * jose4j, the servlet API) from the class path.
   */
  private static final class WithoutCdi extends URLClassLoader {
    final Set<String> loaded = ConcurrentHashMap.newKeySet();
    final Set<String> hiddenRequested = ConcurrentHashMap.newKeySet();

    WithoutCdi() {
      super(
          new URL[] {location(AccessToken.class), location(NoCdiTest.class)},
          NoCdiTest.class.getClassLoader());
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (CDI_PACKAGES.stream().anyMatch(name::startsWith)) {
        hiddenRequested.add(name);
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith("dev.gatehouse.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null) {
          type = findClass(name);
          loaded.add(name);
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }
  }
}
