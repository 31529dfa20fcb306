package dev.gatehouse.it;

/** {@link IdentityDispatchChecks} in embedded Tomcat 10.1. */
class TomcatIdentityDispatchIT extends IdentityDispatchChecks {

  @Override
  protected DispatchApp container() {
    return new TomcatDispatchApp();
  }
}
