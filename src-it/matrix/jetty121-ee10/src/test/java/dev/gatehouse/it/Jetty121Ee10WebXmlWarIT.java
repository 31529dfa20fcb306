package dev.gatehouse.it;

/** {@link JettyWebXmlWarIT}'s checks (war-webxml) on Jetty 12.1 ee10, this module's class path. */
class Jetty121Ee10WebXmlWarIT extends JettyWebXmlWarIT {}
