package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/** The other ITs here reuse src-it's Tomcat host: this says it really runs Tomcat 11 here. */
class Tomcat11ClassPathIT {

  @Test
  void whenThisModuleRunsThenTheEmbeddedTomcatIsVersion11() {
    String version = ServerInfo.getServerNumber();
    assertTrue(version.startsWith("11.0."), "Tomcat on the class path: " + version);
  }
}
