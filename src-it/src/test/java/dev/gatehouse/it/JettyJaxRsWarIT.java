package dev.gatehouse.it;

/** war-jaxrs (Jersey with {@code @RolesAllowed}) deployed into embedded Jetty 12 (ee10). */
class JettyJaxRsWarIT extends JaxRsWarChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new JettyWarHost(Wars.jaxRs());
  }
}
