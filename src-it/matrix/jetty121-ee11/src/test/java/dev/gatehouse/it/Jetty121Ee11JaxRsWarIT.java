package dev.gatehouse.it;

/** {@link JaxRsWarChecks} against war-jaxrs, deployed into Jetty 12.1 ee11. */
class Jetty121Ee11JaxRsWarIT extends JaxRsWarChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new Ee11WarHost(Wars.jaxRs());
  }
}
