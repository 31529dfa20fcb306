package dev.gatehouse.it;

/** {@link WarDeploymentChecks} against war-annotated, deployed into Jetty 12.1 ee11. */
class Jetty121Ee11AnnotatedWarIT extends WarDeploymentChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new Ee11WarHost(Wars.annotated());
  }
}
