package dev.gatehouse.it;

/**
 * The shared checks against war-annotated (a @WebFilter subclass found by the annotation scan),
 * deployed into embedded Jetty 12 (ee10 WebAppContext).
 */
class JettyAnnotatedWarIT extends WarDeploymentChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new JettyWarHost(Wars.annotated());
  }
}
