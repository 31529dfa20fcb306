package dev.gatehouse.it;

/** {@link JettyJaxRsWarIT}'s checks (war-jaxrs) on Jetty 12.1 ee10, this module's class path. */
class Jetty121Ee10JaxRsWarIT extends JettyJaxRsWarIT {}
