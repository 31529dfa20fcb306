package dev.gatehouse.it;

import java.util.Set;

/** {@link PathRulesChecks} on embedded Tomcat, as it comes. */
class TomcatPathRulesIT extends PathRulesChecks {

  @Override
  protected JaxRsApp.Host host() {
    return new TomcatJaxRsHost();
  }

  /**
   * Tomcat 10.1 refuses an encoded slash or backslash and a raw backslash itself
   * (encodedSolidusHandling, encodedReverseSolidusHandling and allowBackslash at their defaults);
   * it resolves dot segments, also encoded ones and {@code ..;}, and decodes {@code %3B} and {@code
   * %25}, so those reach the filter.
   */
  @Override
  protected Set<String> refusedByTheContainer() {
    return Set.of(
        "/api/hello/..%2fsecret",
        "/api%2fsecret", "/api/hello/..%5csecret", "/api/hello/..\\secret");
  }
}
