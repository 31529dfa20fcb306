package dev.gatehouse.it;

import java.util.Set;

/** {@link PathRulesChecks} on embedded Jetty, as it comes. */
class JettyPathRulesIT extends PathRulesChecks {

  @Override
  protected JaxRsApp.Host host() {
    return new JettyJaxRsHost();
  }

  /**
   * Jetty 12's default URI compliance refuses encoded dot segments, {@code ..;}, empty segments, an
   * encoded slash, backslash or percent and a raw backslash; it resolves plain dot segments and
   * decodes {@code %3B} and {@code %2E} inside a name, so those reach the filter.
   */
  @Override
  protected Set<String> refusedByTheContainer() {
    return Set.of(
        "/api/hello/..;/secret",
        "/api/.;v=1/secret",
        "/api/hello/%2e%2e/secret",
        "/api/hello/.%2e/secret",
        "/api//secret",
        "/api/;v=1/secret",
        "/api/hello/..%2fsecret",
        "/api%2fsecret",
        "/api/hello/..%5csecret",
        "/api/hello/..\\secret",
        "/api/%2573ecret");
  }
}
