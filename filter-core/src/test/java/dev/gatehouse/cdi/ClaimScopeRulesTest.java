package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cdi.TestBeans.FrozenInApplicationScope;
import dev.gatehouse.cdi.TestBeans.FrozenInDependent;
import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

/**
 * A raw claim value injected where it would outlive the request fails deployment, with a message
 * that says what to do instead.
 */
class ClaimScopeRulesTest {

  private static void deploy(Class<?> bean) {
    TestWeld.with(bean).initialize().shutdown();
  }

  @Test
  void whenARawClaimIsInjectedIntoAnApplicationScopedBeanThenDeploymentFails() {
    DefinitionException failure =
        assertThrows(DefinitionException.class, () -> deploy(FrozenInApplicationScope.class));
    String message = failure.getMessage();
    assertTrue(message.contains("@Claim(\"sub\") java.lang.String"), message);
    assertTrue(message.contains("a @ApplicationScoped bean"), message);
    assertTrue(message.contains("Inject Instance<java.lang.String> or Provider<"), message);
    assertTrue(message.contains("@RequestScoped bean"), message);
  }

  @Test
  void whenARawClaimIsInjectedIntoADependentBeanThenDeploymentFailsToo() {
    DefinitionException failure =
        assertThrows(DefinitionException.class, () -> deploy(FrozenInDependent.class));
    String message = failure.getMessage();
    assertTrue(message.contains("@Claim(\"roles\") java.util.Set<java.lang.String>"), message);
    assertTrue(message.contains("a @Dependent bean"), message);
  }
}
