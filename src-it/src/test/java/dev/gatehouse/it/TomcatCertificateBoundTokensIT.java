package dev.gatehouse.it;

/** {@link CertificateBoundTokensChecks} on embedded Tomcat's TLS connector. */
class TomcatCertificateBoundTokensIT extends CertificateBoundTokensChecks {

  @Override
  protected TlsHost host() {
    return new TomcatTlsHost();
  }
}
