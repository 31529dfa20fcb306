package dev.gatehouse.login;

import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The browser-login settings of {@link GatehouseLoginFilter}, fixed at build time and checked in
 * {@link Builder#build()}. The provider (issuer, keys, algorithms, clock) is one of the trusted
 * issuers of the {@code GatehouseConfig} the filter is given ({@link Builder#issuer}), so the ID
 * token and the access token are trusted from the same place, with the same keys.
 *
 * <p>Paths are relative to the web application (without its context path) and start with {@code /}.
 * Start from {@link #forClient(String, String, String)}; every other value has a default.
 */
public final class LoginConfig {

  public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
  public static final Set<String> DEFAULT_LOGIN_PATHS = Set.of("/*");
  public static final String DEFAULT_POST_LOGOUT_REDIRECT = "/";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(30);
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

  private final String clientId;
  private final String clientSecret;
  private final String redirectPath;
  private final Set<String> loginPaths;
  private final Optional<String> logoutPath;
  private final String postLogoutRedirect;
  private final List<String> scopes;
  private final Optional<String> audience;
  private final UnauthenticatedAction unauthenticatedAction;
  private final ClientAuthentication clientAuthentication;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration loginTimeout;
  private final Duration refreshAhead;
  private final Optional<URI> publicBaseUrl;
  private final Set<String> allowedHosts;
  private final boolean alwaysSecureCookie;
  private final Optional<String> issuer;

  private LoginConfig(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.redirectPath = b.redirectPath;
    this.loginPaths = Collections.unmodifiableSet(new LinkedHashSet<>(b.loginPaths));
    this.logoutPath = Optional.ofNullable(b.logoutPath);
    this.postLogoutRedirect = b.postLogoutRedirect;
    this.scopes = List.copyOf(b.scopes);
    this.audience = Optional.ofNullable(b.audience);
    this.unauthenticatedAction = b.unauthenticatedAction;
    this.clientAuthentication = b.clientAuthentication;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.loginTimeout = b.loginTimeout;
    this.refreshAhead = b.refreshAhead;
    this.publicBaseUrl = Optional.ofNullable(b.publicBaseUrl);
    this.allowedHosts = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowedHosts));
    this.alwaysSecureCookie =
        b.alwaysSecureCookie
            || (b.publicBaseUrl != null && "https".equals(b.publicBaseUrl.getScheme()));
    this.issuer = Optional.ofNullable(b.issuer);
  }

  /**
   * Starts a configuration for the application registered at the provider as {@code clientId} (an
   * Auth0 Regular Web Application), authenticating with {@code clientSecret}, whose callback
   * ({@code redirect_uri}) is {@code redirectPath}, e.g. {@code /app/callback}.
   */
  public static Builder forClient(String clientId, String clientSecret, String redirectPath) {
    return new Builder(clientId, clientSecret, redirectPath);
  }

  public String clientId() {
    return clientId;
  }

  /** For the token endpoint only; never written to a page, a log or {@link #toString()}. */
  public String clientSecret() {
    return clientSecret;
  }

  public String redirectPath() {
    return redirectPath;
  }

  /** Where a session stands in for the bearer token and a browser may be sent to log in. */
  public Set<String> loginPaths() {
    return loginPaths;
  }

  public Optional<String> logoutPath() {
    return logoutPath;
  }

  /**
   * An absolute URL, or a path in the application, where the provider sends the browser after
   * logout.
   */
  public String postLogoutRedirect() {
    return postLogoutRedirect;
  }

  /** Requested scopes, {@code openid} first. */
  public List<String> scopes() {
    return scopes;
  }

  /** Auth0's {@code audience} parameter: the API the access token is for. */
  public Optional<String> audience() {
    return audience;
  }

  public UnauthenticatedAction unauthenticatedAction() {
    return unauthenticatedAction;
  }

  public ClientAuthentication clientAuthentication() {
    return clientAuthentication;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The whole token request, from sending to the last byte of the answer. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** How long a started login may take before its callback is refused. */
  public Duration loginTimeout() {
    return loginTimeout;
  }

  /** How long before its expiry the session's access token is renewed. */
  public Duration refreshAhead() {
    return refreshAhead;
  }

  /** The origin browsers use, e.g. {@code https://app.example.com}, when not the request's own. */
  public Optional<URI> publicBaseUrl() {
    return publicBaseUrl;
  }

  /**
   * Without a {@link #publicBaseUrl()}: the {@code Host} values ({@code name} or {@code name:port},
   * lower case) whose origin may be used for redirects. Empty means the loopback names only ({@code
   * localhost}, {@code 127.0.0.1}, {@code [::1]}, any port).
   */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  /**
   * Whether the session cookie is marked {@code Secure} even on requests the container sees as
   * plain http (behind a TLS-terminating proxy). Otherwise the container marks it on https only.
   */
  public boolean alwaysSecureCookie() {
    return alwaysSecureCookie;
  }

  /**
   * Which trusted issuer users log in with: its name in {@code gatehouse.issuers}, or its issuer
   * URL. Empty means the only one; with several, the filter refuses to start without it.
   */
  public Optional<String> issuer() {
    return issuer;
  }

  @Override
  public String toString() {
    return "LoginConfig[clientId="
        + clientId
        + ", redirectPath="
        + redirectPath
        + ", loginPaths="
        + loginPaths
        + ", logoutPath="
        + logoutPath.orElse("none")
        + ", action="
        + unauthenticatedAction
        + "]";
  }

  /** Collects settings; not thread-safe, used once. */
  public static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private final String redirectPath;
    private Set<String> loginPaths = new LinkedHashSet<>(DEFAULT_LOGIN_PATHS);
    private String logoutPath;
    private String postLogoutRedirect = DEFAULT_POST_LOGOUT_REDIRECT;
    private List<String> scopes = new ArrayList<>(DEFAULT_SCOPES);
    private String audience;
    private UnauthenticatedAction unauthenticatedAction = UnauthenticatedAction.REDIRECT;
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration loginTimeout = DEFAULT_LOGIN_TIMEOUT;
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private URI publicBaseUrl;
    private Set<String> allowedHosts = new LinkedHashSet<>();
    private boolean alwaysSecureCookie;
    private String issuer;

    private Builder(String clientId, String clientSecret, String redirectPath) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.redirectPath = redirectPath;
    }

    /**
     * Path patterns where login applies: {@code /app} (exactly), {@code /app/*} (it and below) or
     * {@code /*} (everything the filter sees, the default). Other requests the filter sees get
     * bearer-token verification only.
     */
    public Builder loginPaths(String... patterns) {
      return loginPaths(Arrays.asList(patterns));
    }

    public Builder loginPaths(Iterable<String> patterns) {
      Set<String> chosen = new LinkedHashSet<>();
      patterns.forEach(chosen::add);
      this.loginPaths = chosen;
      return this;
    }

    /** A path that takes {@code POST} to end the session; none by default. */
    public Builder logoutPath(String logoutPath) {
      this.logoutPath = Objects.requireNonNull(logoutPath, "logoutPath");
      return this;
    }

    /**
     * Where the provider sends the browser after logout ({@code post_logout_redirect_uri}): an
     * absolute {@code http(s)} URL, or a path in this application (default {@code /}). Must be
     * registered at the provider (Auth0: Allowed Logout URLs).
     */
    public Builder postLogoutRedirect(String target) {
      this.postLogoutRedirect = Objects.requireNonNull(target, "postLogoutRedirect");
      return this;
    }

    /** Scopes to request (default {@code openid profile email}); {@code openid} is always added. */
    public Builder scopes(String... scopes) {
      return scopes(Arrays.asList(scopes));
    }

    public Builder scopes(Iterable<String> scopes) {
      List<String> chosen = new ArrayList<>();
      scopes.forEach(chosen::add);
      this.scopes = chosen;
      return this;
    }

    /** Auth0's {@code audience}: the API identifier, so that the access token is a JWT for it. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    public Builder unauthenticatedAction(UnauthenticatedAction action) {
      this.unauthenticatedAction = Objects.requireNonNull(action, "unauthenticatedAction");
      return this;
    }

    public Builder clientAuthentication(ClientAuthentication method) {
      this.clientAuthentication = Objects.requireNonNull(method, "clientAuthentication");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
      return this;
    }

    public Builder loginTimeout(Duration timeout) {
      this.loginTimeout = Objects.requireNonNull(timeout, "loginTimeout");
      return this;
    }

    public Builder refreshAhead(Duration margin) {
      this.refreshAhead = Objects.requireNonNull(margin, "refreshAhead");
      return this;
    }

    /**
     * The origin browsers reach the application at ({@code https://app.example.com}), used for the
     * {@code redirect_uri} and the post-logout target instead of the request's scheme, host and
     * port. Set it behind a proxy. An {@code https} origin also marks the cookie {@code Secure}.
     */
    public Builder publicBaseUrl(URI origin) {
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
    public Builder allowedHosts(String... hosts) {
      return allowedHosts(Arrays.asList(hosts));
    }

    public Builder allowedHosts(Iterable<String> hosts) {
      Set<String> chosen = new LinkedHashSet<>();
      hosts.forEach(chosen::add);
      this.allowedHosts = chosen;
      return this;
    }

    /**
     * Marks the session cookie {@code Secure} on every request, also those the container sees as
     * plain http; needed behind a TLS-terminating proxy that the container does not know about.
     */
    public Builder alwaysSecureCookie() {
      this.alwaysSecureCookie = true;
      return this;
    }

    /**
     * The trusted issuer users log in with, when the configuration trusts several: its name in
     * {@code gatehouse.issuers} or its issuer URL. Checked against them when the filter starts.
     */
    public Builder issuer(String nameOrUrl) {
      this.issuer = requireText(nameOrUrl, LoginKey.ISSUER).trim();
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public LoginConfig build() {
      requireText(clientId, LoginKey.CLIENT_ID);
      requireText(clientSecret, LoginKey.CLIENT_SECRET);
      requirePath(redirectPath, LoginKey.REDIRECT_PATH);
      if (logoutPath != null) {
        requirePath(logoutPath, LoginKey.LOGOUT_PATH);
        if (logoutPath.equals(redirectPath)) {
          throw new IllegalArgumentException(
              LoginKey.LOGOUT_PATH.property() + ": must differ from the redirect path");
        }
      }
      if (loginPaths.isEmpty()) {
        throw new IllegalArgumentException(LoginKey.LOGIN_PATHS.property() + ": at least one path");
      }
      loginPaths.forEach(LoginPaths::check);
      checkPostLogout();
      List<String> normalised = new ArrayList<>();
      normalised.add("openid");
      for (String scope : scopes) {
        String s = requireText(scope, LoginKey.SCOPES).trim();
        if (!s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) { // RFC 6749 section 3.3 scope-token
          throw new IllegalArgumentException(
              LoginKey.SCOPES.property() + ": '" + s + "' is not a scope token");
        }
        if (!normalised.contains(s)) {
          normalised.add(s);
        }
      }
      this.scopes = normalised;
      if (audience != null) {
        requireText(audience, LoginKey.AUDIENCE);
      }
      positive(connectTimeout, LoginKey.CONNECT_TIMEOUT);
      positive(requestTimeout, LoginKey.REQUEST_TIMEOUT);
      positive(loginTimeout, LoginKey.LOGIN_TIMEOUT);
      if (refreshAhead.isNegative() || refreshAhead.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            LoginKey.REFRESH_AHEAD.property() + ": must be between 0 and 10m");
      }
      if (publicBaseUrl != null) {
        checkOrigin(publicBaseUrl);
      }
      allowedHosts = TrustedHosts.checked(allowedHosts, publicBaseUrl != null);
      return new LoginConfig(this);
    }

    private void checkPostLogout() {
      String target = postLogoutRedirect.trim();
      if (target.startsWith("/") && !target.startsWith("//")) {
        return;
      }
      try {
        URI uri = new URI(target);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
          return;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          LoginKey.POST_LOGOUT_REDIRECT.property()
              + ": '"
              + target
              + "' must be a path in the application (/...) or an absolute http(s) URL");
    }

    private static void checkOrigin(URI origin) {
      String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
      String path = origin.getRawPath();
      if (!(scheme.equals("https") || scheme.equals("http"))
          || origin.getHost() == null
          || origin.getRawQuery() != null
          || origin.getRawFragment() != null
          || origin.getRawUserInfo() != null
          || (path != null && !path.isEmpty() && !path.equals("/"))) {
        throw new IllegalArgumentException(
            LoginKey.PUBLIC_BASE_URL.property()
                + ": '"
                + origin
                + "' must be an origin such as https://app.example.com (no path or query)");
      }
    }

    private static String requireText(String value, LoginKey key) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(key.property() + ": a value is required");
      }
      return value;
    }

    private static void requirePath(String path, LoginKey key) {
      requireText(path, key);
      if (!path.startsWith("/")
          || path.startsWith("//")
          || path.contains("*")
          || path.contains("?")
          || path.contains("#")
          || path.contains("\\")) {
        throw new IllegalArgumentException(
            key.property()
                + ": '"
                + path
                + "' must be a path in the application, like /app/callback");
      }
    }

    private static void positive(Duration d, LoginKey key) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(key.property() + ": must be positive");
      }
    }
  }
}
