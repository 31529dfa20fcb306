package dev.gatehouse.it;

/** {@link TomcatCertificateBoundTokensIT}'s checks on Tomcat 11, this module's class path. */
class Tomcat11CertificateBoundTokensIT extends TomcatCertificateBoundTokensIT {}
