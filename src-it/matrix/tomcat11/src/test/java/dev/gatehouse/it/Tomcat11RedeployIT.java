package dev.gatehouse.it;

/**
 * {@link TomcatRedeployIT}'s checks (war-webxml, undeployed) on Tomcat 11, this module's class
 * path.
 */
class Tomcat11RedeployIT extends TomcatRedeployIT {}
