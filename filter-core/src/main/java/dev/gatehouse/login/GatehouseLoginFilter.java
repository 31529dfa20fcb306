package dev.gatehouse.login;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.TrustedIssuer;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.challenge.ChallengeWriter;
import dev.gatehouse.internal.config.FilterSettings;
import dev.gatehouse.internal.discovery.IssuerProvider;
import dev.gatehouse.internal.discovery.Providers;
import dev.gatehouse.internal.wiring.BearerFilterChallenges;
import dev.gatehouse.internal.wiring.BearerFilterOutcome;
import dev.gatehouse.internal.wiring.BearerFilterProviders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets people in with a browser login (OpenID Connect authorization-code flow with PKCE) and
 * programs in with a bearer token, in one registration on the protected paths.
 *
 * <p>It contains a {@link GatehouseFilter} built from the same {@link GatehouseConfig}, and every
 * request it lets through is verified by it: a request with its own {@code Authorization} header as
 * an API call, a request of a logged-in session with the session's access token in that header. So
 * {@code AccessToken.from(request)}, the principal and the scopes are the same either way. On a
 * login path, a request with neither gets what {@link LoginConfig#unauthenticatedAction()} says: a
 * browser navigation is sent to the provider's login page, any other request gets the bearer
 * filter's 401, never a redirect. The filter answers the callback and logout paths itself, so map
 * it on them too (a mapping like {@code /app/*} with the callback {@code /app/callback} does).
 *
 * <p>State lives in the container's {@code HttpSession} only, as serializable values, so session
 * replication carries a login to other nodes.
 */
public class GatehouseLoginFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseLoginFilter.class);

  private volatile @Nullable Parts parts;

  /** For containers: both configurations are read in {@link #init(FilterConfig)}. */
  public GatehouseLoginFilter() {}

  /** For code: the bearer verification of {@code api}, the browser login of {@code login}. */
  public GatehouseLoginFilter(GatehouseConfig api, LoginConfig login) {
    this.parts = new Parts(api, login);
  }

  /**
   * Reads {@code gatehouse.*} and {@code gatehouse.login.*} from init-params and, when present,
   * MicroProfile Config, which wins; then hardens the session cookie. A configuration error stops
   * the application here, naming the property; the provider is not contacted.
   */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    if (parts == null) {
      PropertyLookup lookup = FilterSettings.of(filterConfig);
      try {
        parts = new Parts(new ConfigBinder(lookup).bind(), new LoginConfigBinder(lookup).bind());
      } catch (IllegalArgumentException e) {
        throw new ServletException("Gatehouse login configuration: " + e.getMessage(), e);
      }
    }
    parts.bearer.init(filterConfig);
    SessionCookies.harden(filterConfig.getServletContext(), parts.login);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException("Gatehouse protects HTTP requests only");
    }
    Parts p = parts;
    if (p == null) {
      throw new ServletException("Gatehouse login filter used before init");
    }
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      // The login's own steps answer the client's request only. A forward, include, error page or
      // async dispatch the application makes later goes to the bearer filter, which keeps the
      // identity admitted on the client's request.
      handOnWithoutLogin(p, request, response, chain);
      return;
    }
    String path = LoginPaths.of(request);
    try {
      if (path.equals(p.login.redirectPath())) {
        p.callback.handle(request, response);
      } else if (p.login.logoutPath().filter(path::equals).isPresent()) {
        p.logout.handle(request, response);
      } else if (!p.loginPaths.matches(path) || request.getHeader("Authorization") != null) {
        p.bearer.doFilter(request, response, chain); // an API call: bearer rules only
      } else {
        if (CrossSiteRequests.changesState(request) && p.sessions.signedIn(request)) {
          // The session cookie is sent by the browser itself, also for another site's form.
          CrossSiteRequests.requireSameOrigin(request, p.login);
        }
        Optional<String> token = p.sessions.accessToken(request);
        if (token.isPresent()) {
          withSessionToken(p, request, response, chain, token.get());
        } else {
          unauthenticated(p, request, response, chain);
        }
      }
    } catch (LoginException e) {
      LOG.debug("gatehouse login refused reason={}", e.failure().reasonCode());
      if (response.isCommitted()) {
        throw new ServletException("Gatehouse login: " + e.failure().reasonCode());
      }
      if (e.failure() == LoginFailure.PROVIDER_UNAVAILABLE
          && !BrowserRequests.isNavigation(request)) {
        p.challenges.unavailable(response, e.retryAfter().orElse(Duration.ofSeconds(5)));
      } else {
        LoginPages.failure(response, e, request.getContextPath() + p.loginPaths.home());
      }
    }
  }

  private static void withSessionToken(
      Parts p,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String token)
      throws IOException, ServletException {
    GatehouseFilter.Decision decision =
        p.bearer.filter(new SessionBearerRequest(request, token), response, chain, false);
    if (decision == GatehouseFilter.Decision.ADMITTED) {
      p.sessions.admitted(request);
    } else if (decision == GatehouseFilter.Decision.UNAUTHENTICATED) {
      // The bearer filter refused the session's token: it will not get better by itself.
      boolean forAnotherApi =
          request.getAttribute(BearerFilterOutcome.REJECTION_ATTRIBUTE) == Rejection.WRONG_AUDIENCE
              && !p.sessions.everAdmitted(request);
      LOG.debug("gatehouse login session token refused; the session's login ends");
      p.sessions.forget(request);
      if (forAnotherApi && !response.isCommitted()) {
        // A new login would fetch the same token and be refused again, in a loop the user
        // cannot see the reason of: the page says what is wrong instead of the bare challenge.
        response.reset();
        throw new LoginException(LoginFailure.TOKEN_FOR_ANOTHER_API);
      }
    }
  }

  private static void unauthenticated(
      Parts p, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    switch (p.login.unauthenticatedAction()) {
      // Through the bearer filter all the same: its deny and scope rules, and the refusal of
      // identity headers the client sent itself, hold for anonymous requests too.
      case PASS -> p.bearer.filter(request, response, chain, true);
      case UNAUTHORIZED -> p.bearer.doFilter(request, response, chain);
      case REDIRECT -> {
        if (BrowserRequests.isNavigation(request)) {
          p.start.redirect(request, response);
        } else {
          p.bearer.doFilter(request, response, chain); // the bearer filter's bare 401 challenge
        }
      }
    }
  }

  private static void handOnWithoutLogin(
      Parts p, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (p.login.unauthenticatedAction() == LoginConfig.UnauthenticatedAction.PASS
        && request.getHeader("Authorization") == null) {
      p.bearer.filter(request, response, chain, true);
    } else {
      p.bearer.doFilter(request, response, chain);
    }
  }

  @Override
  public void destroy() {
    Parts p = parts;
    if (p != null) {
      p.bearer.destroy();
    }
  }

  /** The bearer-token configuration in use; null before {@link #init(FilterConfig)}. */
  @Nullable GatehouseConfig apiConfig() {
    Parts p = parts;
    return p == null ? null : p.bearer.config();
  }

  /** The steps, built once per configuration and shared by all requests. */
  private static final class Parts {
    final LoginConfig login;
    final GatehouseFilter bearer;
    final ChallengeWriter challenges;
    final LoginPaths loginPaths;
    final LoginStart start;
    final LoginCallback callback;
    final SessionTokens sessions;
    final Logout logout;

    Parts(GatehouseConfig api, LoginConfig login) {
      this.login = login;
      TrustedIssuer issuer = LoginIssuer.choose(api.issuers(), login.issuer());
      this.bearer = new GatehouseFilter(api);
      // The bearer filter's own writer: its DPoP algs and resource_metadata, one place to change.
      this.challenges = Objects.requireNonNull(BearerFilterChallenges.of(bearer));
      this.loginPaths = new LoginPaths(login.loginPaths());
      // The bearer filter's provider of that issuer: one discovery document, one key set. Made
      // with its configuration, the bearer filter has its providers from the start.
      Providers providers = Objects.requireNonNull(BearerFilterProviders.of(bearer));
      IssuerProvider issuerProvider = providers.of(issuer.issuer()).orElseThrow();
      ProviderAccess provider =
          new ProviderAccess(
              issuerProvider,
              api.keys().refreshCooldown(),
              new IdTokenVerifier(
                  issuerProvider.issuer(),
                  login.clientId(),
                  api.algorithms(),
                  api.clock(),
                  api.clockSkew(),
                  issuerProvider.keys()));
      TokenEndpointClient tokens = new TokenEndpointClient(login, api.insecureLoopbackHttp());
      SessionLocks locks = new SessionLocks();
      this.start = new LoginStart(login, provider, api.clock(), locks);
      this.callback = new LoginCallback(provider, tokens, api.clock(), locks);
      this.sessions = new SessionTokens(login, provider, tokens, api.clock(), locks);
      this.logout = new Logout(login, provider);
    }
  }
}
