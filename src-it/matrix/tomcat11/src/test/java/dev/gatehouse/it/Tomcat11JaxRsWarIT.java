package dev.gatehouse.it;

/** {@link TomcatJaxRsWarIT}'s checks (war-jaxrs) on Tomcat 11, this module's class path. */
class Tomcat11JaxRsWarIT extends TomcatJaxRsWarIT {}
