package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.Test;

/** The WARs here run on Jetty 12.1 and see Servlet 6.1, not 6.0. */
class Jetty121Ee11ClassPathIT {

  @Test
  void whenThisModuleRunsThenJettyIs12_1AndItsWebAppsSeeServlet6_1() {
    assertTrue(Jetty.VERSION.startsWith("12.1."), "Jetty on the class path: " + Jetty.VERSION);
    ServletContext context = new WebAppContext().getServletContext();
    assertEquals("6.1", context.getMajorVersion() + "." + context.getMinorVersion());
  }
}
