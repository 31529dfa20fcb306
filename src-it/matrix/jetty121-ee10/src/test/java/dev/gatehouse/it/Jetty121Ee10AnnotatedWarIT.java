package dev.gatehouse.it;

/**
 * {@link JettyAnnotatedWarIT}'s checks (war-annotated) on Jetty 12.1 ee10, this module's class
 * path.
 */
class Jetty121Ee10AnnotatedWarIT extends JettyAnnotatedWarIT {}
