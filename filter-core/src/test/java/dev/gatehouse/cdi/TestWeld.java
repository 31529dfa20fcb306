package dev.gatehouse.cdi;

import java.util.UUID;
import org.jboss.weld.environment.se.Weld;

/** Weld SE containers for the tests, each with its own id, logging through slf4j (quiet). */
final class TestWeld {

  static {
    // Weld logs through JBoss Logging, which would pick java.util.logging and print every
    // start-up line; through slf4j-simple, simplelogger.properties keeps tests at warn.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private TestWeld() {}

  /**
   * Discovery stays on: it is what loads {@link GatehouseExtension} from {@code META-INF/services}.
   * The test class path holds no bean archive, so the beans are exactly these.
   */
  static Weld with(Class<?>... beans) {
    return new Weld("gatehouse-test-" + UUID.randomUUID()).addBeanClasses(beans);
  }
}
