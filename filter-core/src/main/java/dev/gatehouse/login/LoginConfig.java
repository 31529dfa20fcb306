package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The browser-login settings of {@link GatehouseLoginFilter}: four immutable values, each checked
 * when made, behind one façade. The provider (issuer, keys, algorithms, clock) is one of the
 * trusted issuers of the {@code GatehouseConfig} the filter is given ({@link #issuer()}), so the ID
 * token and the access token are trusted from the same place, with the same keys.
 *
 * <p>Start from {@link #forClient(String, String, String)}; every other value has a default.
 */
public final class LoginConfig {

  public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
  public static final Set<String> DEFAULT_LOGIN_PATHS = Set.of("/*");
  public static final String DEFAULT_POST_LOGOUT_REDIRECT = "/";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = LoginTimeouts.DEFAULT_CONNECT_TIMEOUT;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = LoginTimeouts.DEFAULT_REQUEST_TIMEOUT;
  public static final Duration DEFAULT_LOGIN_TIMEOUT = LoginTimeouts.DEFAULT_LOGIN_TIMEOUT;
  public static final Duration DEFAULT_REFRESH_AHEAD = LoginTimeouts.DEFAULT_REFRESH_AHEAD;
  public static final int MAX_PENDING_LOGINS = 5;

  /** What a request on a login path gets when it has neither a session nor a token. */
  public enum UnauthenticatedAction {
    /**
     * A browser navigation is sent to the provider's login page; any other request (an API call, an
     * XHR, a POST) gets the bearer filter's 401. The default.
     */
    REDIRECT,
    /**
     * Always the bearer filter's 401, never a redirect: a session started elsewhere still works.
     */
    UNAUTHORIZED,
    /**
     * Goes on to the application unauthenticated: no {@code AccessToken}, no principal. For pages
     * that greet a signed-in user but also serve anonymous ones.
     */
    PASS
  }

  private final ClientRegistration client;
  private final LoginRoutes routes;
  private final LoginTimeouts timeouts;
  private final BrowserOrigin origin;
  private final UnauthenticatedAction unauthenticatedAction;
  private final Optional<String> issuer;

  /**
   * @param issuer which trusted issuer users log in with: its name in {@code gatehouse.issuers}, or
   *     its issuer URL; empty means the only one
   */
  public LoginConfig(
      ClientRegistration client,
      LoginRoutes routes,
      LoginTimeouts timeouts,
      BrowserOrigin origin,
      UnauthenticatedAction unauthenticatedAction,
      Optional<String> issuer) {
    this.client = Objects.requireNonNull(client, "client");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.unauthenticatedAction =
        Objects.requireNonNull(unauthenticatedAction, "unauthenticatedAction");
    this.issuer = issuer.map(i -> LoginChecks.text(i, ConfigKey.LOGIN_ISSUER).trim());
  }

  /**
   * Starts a configuration for the application registered at your OpenID provider (Auth0, Keycloak,
   * ...) as the confidential client {@code clientId}, authenticating with {@code clientSecret},
   * whose callback ({@code redirect_uri}) is {@code redirectPath}, e.g. {@code /app/callback}.
   */
  public static LoginConfigBuilder forClient(
      String clientId, String clientSecret, String redirectPath) {
    return new LoginConfigBuilder(clientId, clientSecret, redirectPath);
  }

  public ClientRegistration client() {
    return client;
  }

  public LoginRoutes routes() {
    return routes;
  }

  public LoginTimeouts timeouts() {
    return timeouts;
  }

  public BrowserOrigin origin() {
    return origin;
  }

  public UnauthenticatedAction unauthenticatedAction() {
    return unauthenticatedAction;
  }

  /**
   * Which trusted issuer users log in with: its name in {@code gatehouse.issuers}, or its issuer
   * URL. Empty means the only one; with several, the filter refuses to start without it.
   */
  public Optional<String> issuer() {
    return issuer;
  }

  // The accessors below read one part each; see the part for what the value means.

  public String clientId() {
    return client.clientId();
  }

  /** For the token endpoint only; never written to a page, a log or {@link #toString()}. */
  public String clientSecret() {
    return client.clientSecret();
  }

  public ClientAuthentication clientAuthentication() {
    return client.authentication();
  }

  public List<String> scopes() {
    return client.scopes();
  }

  public Optional<String> audience() {
    return client.audience();
  }

  public List<String> resources() {
    return client.resources();
  }

  public String redirectPath() {
    return routes.redirectPath();
  }

  public Set<String> loginPaths() {
    return routes.loginPaths();
  }

  public Optional<String> logoutPath() {
    return routes.logoutPath();
  }

  public String postLogoutRedirect() {
    return routes.postLogoutRedirect();
  }

  public Duration connectTimeout() {
    return timeouts.connectTimeout();
  }

  public Duration requestTimeout() {
    return timeouts.requestTimeout();
  }

  public Duration loginTimeout() {
    return timeouts.loginTimeout();
  }

  public Duration refreshAhead() {
    return timeouts.refreshAhead();
  }

  public Optional<URI> publicBaseUrl() {
    return origin.publicBaseUrl();
  }

  public Set<String> allowedHosts() {
    return origin.allowedHosts();
  }

  public boolean alwaysSecureCookie() {
    return origin.alwaysSecureCookie();
  }

  @Override
  public String toString() {
    return "LoginConfig[clientId="
        + client.clientId()
        + ", redirectPath="
        + routes.redirectPath()
        + ", loginPaths="
        + routes.loginPaths()
        + ", logoutPath="
        + routes.logoutPath().orElse("none")
        + ", action="
        + unauthenticatedAction
        + "]";
  }
}
