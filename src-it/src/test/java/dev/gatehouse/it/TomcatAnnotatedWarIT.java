package dev.gatehouse.it;

/**
 * The shared checks against war-annotated (a @WebFilter subclass found by the annotation scan),
 * deployed into embedded Tomcat 10.1.
 */
class TomcatAnnotatedWarIT extends WarDeploymentChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new TomcatWarHost(Wars.annotated());
  }
}
