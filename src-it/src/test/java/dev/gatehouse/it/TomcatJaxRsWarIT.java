package dev.gatehouse.it;

/** war-jaxrs (Jersey with {@code @RolesAllowed}) deployed into embedded Tomcat. */
class TomcatJaxRsWarIT extends JaxRsWarChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new TomcatWarHost(Wars.jaxRs());
  }
}
