package dev.gatehouse.it;

/** {@link TomcatWebXmlWarIT}'s checks (war-webxml) on Tomcat 11, this module's class path. */
class Tomcat11WebXmlWarIT extends TomcatWebXmlWarIT {}
