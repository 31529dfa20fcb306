package dev.gatehouse.it;

/**
 * The shared checks against war-webxml (GatehouseFilter declared in web.xml), deployed into
 * embedded Jetty 12 (ee10 WebAppContext).
 */
class JettyWebXmlWarIT extends WebXmlPolicyChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new JettyWarHost(Wars.webXml());
  }
}
