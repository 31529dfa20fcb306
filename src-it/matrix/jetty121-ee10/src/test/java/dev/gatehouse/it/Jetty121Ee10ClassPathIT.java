package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.Test;

/** The other ITs here reuse src-it's ee10 Jetty host: this says it really runs Jetty 12.1 here. */
class Jetty121Ee10ClassPathIT {

  @Test
  void whenThisModuleRunsThenJettyAndItsEe10WebAppAreVersion12_1() {
    assertTrue(Jetty.VERSION.startsWith("12.1."), "Jetty on the class path: " + Jetty.VERSION);
    String webapp = WebAppContext.class.getPackage().getImplementationVersion();
    assertTrue(webapp != null && webapp.startsWith("12.1."), "jetty-ee10-webapp: " + webapp);
  }
}
