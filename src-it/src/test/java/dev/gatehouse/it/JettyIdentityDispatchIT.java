package dev.gatehouse.it;

/** {@link IdentityDispatchChecks} in embedded Jetty 12. */
class JettyIdentityDispatchIT extends IdentityDispatchChecks {

  @Override
  protected DispatchApp container() {
    return new JettyDispatchApp();
  }
}
