package dev.gatehouse.it;

/**
 * The shared checks against war-webxml (GatehouseFilter declared in web.xml), deployed into
 * embedded Tomcat 10.1.
 */
class TomcatWebXmlWarIT extends WebXmlPolicyChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new TomcatWarHost(Wars.webXml());
  }
}
