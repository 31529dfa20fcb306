package dev.gatehouse;

import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.RequiredScopes;
import dev.gatehouse.config.ConfigBinder;
import dev.gatehouse.config.MicroProfileLookup;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.discovery.RemoteKeySource;
import dev.gatehouse.discovery.StaticKeySource;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ChallengeWriter;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.BearerTokenExtractor;
import dev.gatehouse.token.RequestTokenExtractor;
import dev.gatehouse.verify.AccessTokenVerifier;
import dev.gatehouse.verify.CachingAccessTokenVerifier;
import dev.gatehouse.verify.JwtAccessTokenVerifier;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
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
 * it. A {@link BearerTokenException} thrown downstream before the response is committed (see
 * {@link dev.gatehouse.authz.RequiredScopes#require}) is answered like the filter's own refusals.
 */
public class GatehouseFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseFilter.class);

  private volatile Pipeline pipeline;

  /** For containers: the configuration is read in {@link #init(FilterConfig)}. */
  public GatehouseFilter() {}

  /** For code: uses this configuration and ignores init-params. */
  public GatehouseFilter(GatehouseConfig config) {
    this.pipeline = Pipeline.of(config);
  }

  /**
   * Reads init-params and, when present, MicroProfile Config, which wins. A configuration error
   * stops the application here, with a message naming the property; the provider is not contacted.
   */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    if (pipeline != null) {
      return;
    }
    PropertyLookup initParams =
        key -> Optional.ofNullable(filterConfig.getInitParameter(key)).filter(v -> !v.isBlank());
    try {
      pipeline = Pipeline.of(new ConfigBinder(microProfile().orElse(initParams)).bind());
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gatehouse configuration: " + e.getMessage(), e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException("Gatehouse protects HTTP requests only");
    }
    Pipeline p = pipeline;
    if (p == null) {
      throw new ServletException("Gatehouse filter used before init");
    }
    AccessToken token;
    try {
      token = p.authenticate(request);
    } catch (BearerTokenException e) {
      LOG.debug("gatehouse rejected reason={}", e.rejection().reasonCode());
      p.challenges.reject(response, e);
      return;
    } catch (ProviderUnavailableException e) {
      // The failed fetch itself is logged at WARN once per cooldown where it happens.
      LOG.debug("gatehouse unavailable reason={}", e.getMessage());
      p.challenges.unavailable(response, e.retryAfter());
      return;
    }
    try {
      chain.doFilter(new AuthenticatedRequest(request, token), response);
    } catch (BearerTokenException e) {
      // Application code may refuse too, e.g. RequiredScopes.require(token, scopes) in a servlet.
      if (response.isCommitted()) {
        throw e;
      }
      LOG.debug("gatehouse rejected reason={} (by the application)", e.rejection().reasonCode());
      response.reset();
      p.challenges.reject(response, e);
    }
  }

  private static PropertyLookup microProfile() {
    try {
      return MicroProfileLookup.load(Thread.currentThread().getContextClassLoader())
          .orElse(key -> Optional.empty());
    } catch (LinkageError e) {
      return key -> Optional.empty();
    }
  }

  /** The steps, built once per configuration and shared by all requests. */
  private record Pipeline(
      BearerTokenExtractor extractor,
      AccessTokenVerifier verifier,
      AccessRule rule,
      ChallengeWriter challenges) {

    static Pipeline of(GatehouseConfig config) {
      KeySource keys =
          config.publicKey().isPresent()
              ? StaticKeySource.parse(
                  config.publicKey().get(),
                  "gatehouse.public-key (or public-key-location, mp.jwt.verify.publickey*)")
              : RemoteKeySource.create(config);
      return new Pipeline(
          new RequestTokenExtractor(
              config.queryParameterTokens(),
              config.formParameterTokens(),
              config.maxTokenLength()),
          verifier(config, keys),
          rules(config),
          new ChallengeWriter(config.realm()));
    }

    private static AccessTokenVerifier verifier(GatehouseConfig config, KeySource keys) {
      JwtAccessTokenVerifier jwt = new JwtAccessTokenVerifier(config, keys);
      if (config.tokenCacheMaxEntries() == 0) {
        return jwt;
      }
      return new CachingAccessTokenVerifier(
          jwt,
          keys,
          config.clock(),
          config.clockSkew(),
          config.tokenCacheMaxEntries(),
          config.tokenCacheMaxBytes());
    }

    private static AccessRule rules(GatehouseConfig config) {
      AccessRule scopes = new RequiredScopes(config.requiredScopes());
      return config
          .accessRule()
          .<AccessRule>map(
              own ->
                  (request, token) -> {
                    scopes.check(request, token);
                    own.check(request, token);
                  })
          .orElse(scopes);
    }

    AccessToken authenticate(HttpServletRequest request) {
      String raw =
          extractor
              .extract(request)
              .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
      AccessToken token = verifier.verify(raw);
      rule.check(request, token);
      return token;
    }
  }
}
