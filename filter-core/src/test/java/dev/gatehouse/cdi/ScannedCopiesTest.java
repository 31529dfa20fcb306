package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cdi.TestBeans.Shared;
import dev.gatehouse.token.AccessToken;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.Set;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * When filter-core's own classes are discovered as well (a shaded jar whose beans.xml covers
 * everything), the extension keeps only the beans it added: nothing is defined twice.
 */
class ScannedCopiesTest {

  @Test
  void whenGatehouseClassesAreAlsoDiscoveredThenEachBeanExistsOnce() {
    WeldContainer container =
        TestWeld.with(
                CurrentRequest.class,
                TokenProducers.class,
                ClaimProducers.class,
                RequiresScopesInterceptor.class,
                Shared.class)
            .initialize();
    try {
      assertTrue(container.select(AccessToken.class).isResolvable());
      assertTrue(container.select(CurrentRequest.class).isResolvable());
      RequestContextController requestContext =
          container.select(RequestContextController.class).get();
      requestContext.activate();
      try {
        container
            .select(CurrentRequest.class)
            .get()
            .bind(Requests.withToken(Requests.token("erin", Set.of())));
        assertEquals("erin", container.select(Shared.class).get().subjectClaim());
      } finally {
        requestContext.deactivate();
      }
    } finally {
      container.shutdown();
    }
  }
}
