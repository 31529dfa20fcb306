package dev.gatehouse.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the checks run: a container, or the demo, that can start applications behind Gatehouse. */
interface ProtectedApps extends AutoCloseable {

  /**
   * Starts a new application, with its own filter and so its own key cache.
   *
   * @param settings Gatehouse settings by property name ({@code gatehouse.issuer}, ...), given the
   *     way this kind of deployment takes them
   * @return its base URI without a trailing slash; {@code /api/me} and {@code /api/orders} follow
   * @throws Exception when it does not start, for example because the filter refused its settings
   */
  URI start(String name, Map<String, String> settings) throws Exception;

  /** Starts an application trusting {@code issuer}, reached over plain http on loopback. */
  default URI start(String name, String issuer) throws Exception {
    return start(name, trusting(issuer));
  }

  /** The settings every test application needs: the issuer, and plain http on loopback. */
  static Map<String, String> trusting(String issuer) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gatehouse.issuer", issuer);
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    return settings;
  }
}
