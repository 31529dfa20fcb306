package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Values;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * How the application is reached by browsers: the origin its {@code redirect_uri} and post-logout
 * target are built on, and whether the session cookie is always {@code Secure}.
 *
 * @param publicBaseUrl the origin browsers use, e.g. {@code https://app.example.com}, when it is
 *     not the request's own (behind a proxy); an {@code https} origin also makes the cookie {@code
 *     Secure}
 * @param allowedHosts without a public base URL: the {@code Host} values ({@code name} or {@code
 *     name:port}, lower case) whose origin may be used for redirects; empty means the loopback
 *     names only ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any port)
 * @param alwaysSecureCookie whether the session cookie is marked {@code Secure} even on requests
 *     the container sees as plain http (behind a TLS-terminating proxy); otherwise the container
 *     marks it on https only
 */
public record BrowserOrigin(
    Optional<URI> publicBaseUrl, Set<String> allowedHosts, boolean alwaysSecureCookie) {

  /**
   * @throws IllegalArgumentException naming the setting that is malformed, or both when both an
   *     origin and hosts are given
   */
  public BrowserOrigin {
    publicBaseUrl.ifPresent(
        u ->
            Values.origin(
                u, ConfigKey.LOGIN_PUBLIC_BASE_URL.property(), "https://app.example.com"));
    allowedHosts =
        Collections.unmodifiableSet(TrustedHosts.checked(allowedHosts, publicBaseUrl.isPresent()));
    alwaysSecureCookie =
        alwaysSecureCookie || publicBaseUrl.filter(u -> "https".equals(u.getScheme())).isPresent();
  }
}
