package dev.gatehouse.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operator sets when deploying a WAR: here system properties, which the filter reads
 * through MicroProfile Config (smallrye-config in the WAR) and which win over {@code web.xml} and
 * the WAR's {@code microprofile-config.properties}. They are set only while a WAR starts, which is
 * when the filter reads its settings.
 */
final class DeploymentSettings {

  /** A deployment step that may fail. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private DeploymentSettings() {}

  static synchronized void whileDeploying(Map<String, String> settings, Step deploy)
      throws Exception {
    Map<String, String> previous = new LinkedHashMap<>();
    settings.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      deploy.run();
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }
}
