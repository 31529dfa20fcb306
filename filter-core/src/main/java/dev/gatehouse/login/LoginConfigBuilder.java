package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects the settings of a {@link LoginConfig}, started by {@link LoginConfig#forClient}; every
 * value but the three given there has a default. Not thread-safe, used once.
 */
public final class LoginConfigBuilder {

  private final @Nullable String clientId;
  private final @Nullable String clientSecret;
  private final @Nullable String redirectPath;
  private Set<String> loginPaths = new LinkedHashSet<>(LoginConfig.DEFAULT_LOGIN_PATHS);
  private @Nullable String logoutPath;
  private String postLogoutRedirect = LoginConfig.DEFAULT_POST_LOGOUT_REDIRECT;
  private List<String> scopes = new ArrayList<>(LoginConfig.DEFAULT_SCOPES);
  private @Nullable String audience;
  private List<String> resources = new ArrayList<>();
  private LoginConfig.UnauthenticatedAction unauthenticatedAction =
      LoginConfig.UnauthenticatedAction.REDIRECT;
  private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;
  private Duration connectTimeout = LoginTimeouts.DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = LoginTimeouts.DEFAULT_REQUEST_TIMEOUT;
  private Duration loginTimeout = LoginTimeouts.DEFAULT_LOGIN_TIMEOUT;
  private Duration refreshAhead = LoginTimeouts.DEFAULT_REFRESH_AHEAD;
  private @Nullable URI publicBaseUrl;
  private Set<String> allowedHosts = new LinkedHashSet<>();
  private boolean alwaysSecureCookie;
  private @Nullable String issuer;

  /** Null values are refused by {@link #build()}, naming the setting, as the binder needs. */
  LoginConfigBuilder(
      @Nullable String clientId, @Nullable String clientSecret, @Nullable String redirectPath) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectPath = redirectPath;
  }

  /**
   * Path patterns where login applies: {@code /app} (exactly), {@code /app/*} (it and below) or
   * {@code /*} (everything the filter sees, the default). Other requests the filter sees get
   * bearer-token verification only.
   */
  public LoginConfigBuilder loginPaths(String... patterns) {
    return loginPaths(Arrays.asList(patterns));
  }

  public LoginConfigBuilder loginPaths(Iterable<String> patterns) {
    this.loginPaths = copy(patterns, new LinkedHashSet<>());
    return this;
  }

  /** A path that takes {@code POST} to end the session; none by default. */
  public LoginConfigBuilder logoutPath(String logoutPath) {
    this.logoutPath = Objects.requireNonNull(logoutPath, "logoutPath");
    return this;
  }

  /**
   * Where the provider sends the browser after logout ({@code post_logout_redirect_uri}): an
   * absolute {@code http(s)} URL, or a path in this application (default {@code /}). Must be
   * registered at the provider (Auth0: Allowed Logout URLs; Keycloak: Valid post logout redirect
   * URIs).
   */
  public LoginConfigBuilder postLogoutRedirect(String target) {
    this.postLogoutRedirect = Objects.requireNonNull(target, "postLogoutRedirect");
    return this;
  }

  /** Scopes to request (default {@code openid profile email}); {@code openid} is always added. */
  public LoginConfigBuilder scopes(String... scopes) {
    return scopes(Arrays.asList(scopes));
  }

  public LoginConfigBuilder scopes(Iterable<String> scopes) {
    this.scopes = copy(scopes, new ArrayList<>());
    return this;
  }

  /**
   * The {@code audience} parameter of providers that choose the API with it (Auth0: the API
   * identifier, so that the access token is a JWT for it). Not sent unless set.
   */
  public LoginConfigBuilder audience(String audience) {
    this.audience = Objects.requireNonNull(audience, "audience");
    return this;
  }

  /**
   * RFC 8707 resource indicators: the APIs the access token is for, as absolute URIs, sent on the
   * authorization request and every token request. None by default.
   */
  public LoginConfigBuilder resources(String... resources) {
    return resources(Arrays.asList(resources));
  }

  public LoginConfigBuilder resources(Iterable<String> resources) {
    this.resources = copy(resources, new ArrayList<>());
    return this;
  }

  public LoginConfigBuilder unauthenticatedAction(LoginConfig.UnauthenticatedAction action) {
    this.unauthenticatedAction = Objects.requireNonNull(action, "unauthenticatedAction");
    return this;
  }

  public LoginConfigBuilder clientAuthentication(ClientAuthentication method) {
    this.clientAuthentication = Objects.requireNonNull(method, "clientAuthentication");
    return this;
  }

  public LoginConfigBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
    return this;
  }

  public LoginConfigBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
    return this;
  }

  public LoginConfigBuilder loginTimeout(Duration timeout) {
    this.loginTimeout = Objects.requireNonNull(timeout, "loginTimeout");
    return this;
  }

  public LoginConfigBuilder refreshAhead(Duration margin) {
    this.refreshAhead = Objects.requireNonNull(margin, "refreshAhead");
    return this;
  }

  /**
   * The origin browsers reach the application at ({@code https://app.example.com}), used for the
   * {@code redirect_uri} and the post-logout target instead of the request's scheme, host and port.
   * Set it behind a proxy. An {@code https} origin also marks the cookie {@code Secure}.
   */
  public LoginConfigBuilder publicBaseUrl(URI origin) {
    this.publicBaseUrl = Objects.requireNonNull(origin, "publicBaseUrl");
    return this;
  }

  /**
   * Instead of a {@link #publicBaseUrl(URI)}: the {@code Host} header values this application is
   * reached by, {@code app.example.com} (on the scheme's default port) or {@code
   * app.example.com:8443}. The {@code redirect_uri} and the post-logout target are built from the
   * request only when its {@code Host} is one of them; any other is refused with 400. Without
   * either setting only {@code localhost}, {@code 127.0.0.1} and {@code [::1]} are accepted.
   */
  public LoginConfigBuilder allowedHosts(String... hosts) {
    return allowedHosts(Arrays.asList(hosts));
  }

  public LoginConfigBuilder allowedHosts(Iterable<String> hosts) {
    this.allowedHosts = copy(hosts, new LinkedHashSet<>());
    return this;
  }

  /**
   * Marks the session cookie {@code Secure} on every request, also those the container sees as
   * plain http; needed behind a TLS-terminating proxy that the container does not know about.
   */
  public LoginConfigBuilder alwaysSecureCookie() {
    this.alwaysSecureCookie = true;
    return this;
  }

  /**
   * The trusted issuer users log in with, when the configuration trusts several: its name in {@code
   * gatehouse.issuers} or its issuer URL. Checked against them when the filter starts.
   */
  public LoginConfigBuilder issuer(String nameOrUrl) {
    this.issuer = LoginChecks.text(nameOrUrl, ConfigKey.LOGIN_ISSUER);
    return this;
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing or out of range
   */
  public LoginConfig build() {
    return new LoginConfig(
        new ClientRegistration(
            LoginChecks.text(clientId, ConfigKey.LOGIN_CLIENT_ID),
            LoginChecks.text(clientSecret, ConfigKey.LOGIN_CLIENT_SECRET),
            clientAuthentication,
            scopes,
            Optional.ofNullable(audience),
            resources),
        new LoginRoutes(
            LoginChecks.text(redirectPath, ConfigKey.LOGIN_REDIRECT_PATH),
            loginPaths,
            Optional.ofNullable(logoutPath),
            postLogoutRedirect),
        new LoginTimeouts(connectTimeout, requestTimeout, loginTimeout, refreshAhead),
        new BrowserOrigin(Optional.ofNullable(publicBaseUrl), allowedHosts, alwaysSecureCookie),
        unauthenticatedAction,
        Optional.ofNullable(issuer));
  }

  private static <C extends java.util.Collection<String>> C copy(Iterable<String> from, C to) {
    from.forEach(to::add);
    return to;
  }
}
