package dev.gatehouse.it;

/** {@link DpopChecks} on embedded Tomcat. */
class TomcatDpopIT extends DpopChecks {

  @Override
  protected JaxRsApp.Host host() {
    return new TomcatJaxRsHost();
  }
}
