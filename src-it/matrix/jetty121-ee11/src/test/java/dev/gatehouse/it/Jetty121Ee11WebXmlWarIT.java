package dev.gatehouse.it;

/** {@link WebXmlPolicyChecks} against war-webxml, deployed into Jetty 12.1 ee11. */
class Jetty121Ee11WebXmlWarIT extends WebXmlPolicyChecks {

  @Override
  protected ProtectedApps applications() throws Exception {
    return new Ee11WarHost(Wars.webXml());
  }
}
