package dev.gatehouse.it;

/** {@link TomcatAnnotatedWarIT}'s checks (war-annotated) on Tomcat 11, this module's class path. */
class Tomcat11AnnotatedWarIT extends TomcatAnnotatedWarIT {}
