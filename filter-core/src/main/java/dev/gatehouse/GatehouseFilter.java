package dev.gatehouse;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.challenge.ChallengeWriter;
import dev.gatehouse.internal.config.FilterSettings;
import dev.gatehouse.internal.discovery.Providers;
import dev.gatehouse.internal.metrics.MetricsPublication;
import dev.gatehouse.internal.wiring.BearerFilterChallenges;
import dev.gatehouse.internal.wiring.BearerFilterOutcome;
import dev.gatehouse.internal.wiring.BearerFilterProviders;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only with a valid OAuth 2.0 bearer access token (RFC 6750), and answers
 * every other request with the matching status and {@code WWW-Authenticate} challenge.
 *
 * <p>Register it in {@code web.xml} (settings as init-params or MicroProfile Config), subclass it
 * with {@code @WebFilter}, or add it in code with {@code servletContext.addFilter("gatehouse", new
 * GatehouseFilter(config))}. Downstream, {@link AccessToken#from} gives the verified token and
 * {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole(scope)} answer from
 * it. A {@link BearerTokenException} thrown downstream before the response is committed (see {@link
 * dev.gatehouse.authz.RequiredScopes#require}) is answered like the filter's own refusals.
 */
public class GatehouseFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseFilter.class);

  static {
    BearerFilterProviders.register(bearer -> ((GatehouseFilter) bearer).providers());
    BearerFilterChallenges.register(bearer -> ((GatehouseFilter) bearer).challenges());
  }

  private volatile @Nullable Pipeline pipeline;
  private volatile @Nullable MetricsPublication metrics;

  /** For containers: the configuration is read in {@link #init(FilterConfig)}. */
  public GatehouseFilter() {}

  /** For code: uses this configuration and ignores init-params. */
  public GatehouseFilter(GatehouseConfig config) {
    this.pipeline = Pipeline.of(config);
  }

  /**
   * Reads init-params and, when present, MicroProfile Config, which wins. A configuration error
   * stops the application here, with a message naming the property; the provider is not contacted.
   * Publishes its {@link Revocations} under {@link Revocations#ATTRIBUTE} so the application can
   * revoke tokens, and its store under {@link SharedStore#ATTRIBUTE} (seen through the failure
   * policy, so writers such as a Shared Signals receiver share it), and shows the filter's counters
   * over JMX and, when present, Micrometer (docs/metrics.md).
   */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    if (pipeline == null) {
      try {
        pipeline = Pipeline.of(new ConfigBinder(FilterSettings.of(filterConfig)).bind());
      } catch (IllegalArgumentException e) {
        throw new ServletException("Gatehouse configuration: " + e.getMessage(), e);
      }
    }
    ServletContext context = filterConfig.getServletContext();
    if (context != null && context.getAttribute(Revocations.ATTRIBUTE) == null) {
      context.setAttribute(Revocations.ATTRIBUTE, pipeline.revocations());
      context.setAttribute(SharedStore.ATTRIBUTE, pipeline.store());
    }
    if (metrics == null) {
      Pipeline p = pipeline;
      metrics = MetricsPublication.start(p.counters(), p.config().metrics(), filterConfig);
    }
  }

  /** Takes the filter's MBean and meters away, and closes a store the filter made itself. */
  @Override
  public void destroy() {
    MetricsPublication published = metrics;
    if (published != null) {
      metrics = null;
      published.close();
    }
    Pipeline p = pipeline;
    if (p != null) {
      p.close();
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    run(req, res, chain, false);
  }

  /**
   * What this filter did with a request, for a filter that contains this one ({@code
   * GatehouseLoginFilter}): it acts on the decision itself, never on a response status that the
   * application may have set too.
   */
  public enum Decision {
    /** Handed on down the chain, with an identity or (on a public path) without. */
    ADMITTED,
    /** Refused with 401: no token, or a token that is not valid. */
    UNAUTHENTICATED,
    /** Refused with another status: a denied path, missing scopes, a malformed request. */
    REFUSED,
    /** Answered 503: the token could not be checked now. */
    UNAVAILABLE,
    /** Answered by the filter itself, without a token: the protected resource metadata. */
    ANSWERED
  }

  /**
   * For a filter that contains this one: as {@link #doFilter}, and says what it decided. With
   * {@code allowAnonymous} ({@code GatehouseLoginFilter}'s {@code pass} action), a request carrying
   * no token at all, on a path whose rule asks only for authentication, goes on anonymously instead
   * of getting 401. Deny and scope rules still refuse it, a token it does carry is still verified,
   * and the client's identity headers are still refused. Grants nothing.
   */
  public Decision filter(
      ServletRequest req, ServletResponse res, FilterChain chain, boolean allowAnonymous)
      throws IOException, ServletException {
    return run(req, res, chain, allowAnonymous);
  }

  /** For the login filter, through {@link BearerFilterChallenges}; null before init. */
  @Nullable ChallengeWriter challenges() {
    Pipeline p = pipeline;
    return p == null ? null : p.challenges();
  }

  /**
   * For the login filter, through {@link BearerFilterProviders}: the providers this filter verifies
   * tokens with, one per trusted issuer, so that it reads the same discovery document and keys;
   * null before {@link #init(FilterConfig)}.
   */
  @Nullable Providers providers() {
    Pipeline p = pipeline;
    return p == null ? null : p.providers();
  }

  private Decision run(
      ServletRequest req, ServletResponse res, FilterChain chain, boolean anonymous)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException("Gatehouse protects HTTP requests only");
    }
    Pipeline p = pipeline;
    if (p == null) {
      throw new ServletException("Gatehouse filter used before init");
    }
    DispatcherType type = request.getDispatcherType();
    if (type == DispatcherType.ERROR || type == DispatcherType.ASYNC) {
      // An error page or an async continuation of a request this filter already decided: it keeps
      // that decision (never verified again, never refused) with the identity headers rebuilt.
      handOn(p, p.readmit(request), response, chain);
      return Decision.ADMITTED;
    }
    var metadata = p.metadata();
    if (metadata.isPresent() && metadata.get().answers(request)) {
      metadata.get().write(response); // RFC 9728 section 3: public, asked before any token
      return Decision.ANSWERED;
    }
    HttpServletRequest admitted;
    try {
      if (type == DispatcherType.REQUEST) {
        p.refuseClientIdentity(request);
      }
      admitted = anonymous ? p.admitOrPassAnonymous(request, response) : p.admit(request, response);
    } catch (BearerTokenException e) {
      LOG.debug("gatehouse rejected reason={}", e.rejection().reasonCode());
      p.counters().rejected(e.rejection());
      request.setAttribute(BearerFilterOutcome.REJECTION_ATTRIBUTE, e.rejection());
      p.challenges().reject(response, e);
      return e.rejection().status() == HttpServletResponse.SC_UNAUTHORIZED
          ? Decision.UNAUTHENTICATED
          : Decision.REFUSED;
    } catch (ProviderUnavailableException e) {
      // The failed fetch itself is logged at WARN where it happens, at a bounded rate.
      LOG.debug("gatehouse unavailable reason={}", e.reason());
      p.counters().unavailable(e.reason());
      p.challenges().unavailable(response, e.retryAfter());
      return Decision.UNAVAILABLE;
    }
    handOn(p, admitted, response, chain);
    return Decision.ADMITTED;
  }

  private static void handOn(
      Pipeline p, HttpServletRequest admitted, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(admitted, response);
    } catch (BearerTokenException e) {
      // Application code may refuse too, e.g. RequiredScopes.require(token, scopes) in a servlet.
      if (response.isCommitted()) {
        throw e;
      }
      LOG.debug("gatehouse rejected reason={} (by the application)", e.rejection().reasonCode());
      response.reset();
      p.counters().rejected(e.rejection());
      p.challenges().reject(response, p.answeredAfterAdmission(admitted, e));
    }
  }

  /** The filter's revocation API; null before {@link #init(FilterConfig)}. */
  @Nullable Revocations revocations() {
    Pipeline p = pipeline;
    return p == null ? null : p.revocations();
  }

  /** The configuration in use; null before {@link #init(FilterConfig)}. */
  public @Nullable GatehouseConfig config() {
    Pipeline p = pipeline;
    return p == null ? null : p.config();
  }
}
