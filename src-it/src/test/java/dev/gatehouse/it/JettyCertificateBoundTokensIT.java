package dev.gatehouse.it;

/** {@link CertificateBoundTokensChecks} on embedded Jetty's TLS connector. */
class JettyCertificateBoundTokensIT extends CertificateBoundTokensChecks {

  @Override
  protected TlsHost host() {
    return new JettyTlsHost();
  }
}
