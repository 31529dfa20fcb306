package dev.gatehouse.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample WARs, copied into {@code target/wars} by the build (see this module's pom). */
final class Wars {

  private Wars() {}

  /** {@code war-webxml}: GatehouseFilter declared in {@code WEB-INF/web.xml}. */
  static Path webXml() {
    return locate("gatehouse.it.war.webxml");
  }

  /** {@code war-annotated}: a {@code @WebFilter} subclass found by annotation scanning. */
  static Path annotated() {
    return locate("gatehouse.it.war.annotated");
  }

  /** {@code war-jaxrs}: a Jersey application whose {@code @RolesAllowed} names scopes. */
  static Path jaxRs() {
    return locate("gatehouse.it.war.jaxrs");
  }

  private static Path locate(String property) {
    String location = System.getProperty(property);
    if (location == null) {
      throw new IllegalStateException(
          property + " is not set: run the integration tests with Maven (mvn verify)");
    }
    Path war = Path.of(location);
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(property + ": no WAR at " + war);
    }
    return war;
  }
}
