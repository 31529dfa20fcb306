package dev.gatehouse.it;

/** {@link DpopChecks} on embedded Jetty. */
class JettyDpopIT extends DpopChecks {

  @Override
  protected JaxRsApp.Host host() {
    return new JettyJaxRsHost();
  }
}
