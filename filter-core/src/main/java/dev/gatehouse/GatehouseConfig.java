package dev.gatehouse;

import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.authz.ClientPolicy;
import dev.gatehouse.authz.ClientRegistry;
import dev.gatehouse.authz.InMemoryRevocationList;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.authz.RevocationList;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.outbound.IssuerNames;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the filter needs to know, fixed at build time and checked in {@link Builder#build()}.
 *
 * <p>Start from {@link #forIssuer(String)} (or {@link #forIssuers} to trust several); every other
 * value has a secure default. Methods whose names start with {@code allow} loosen a default and say
 * in their Javadoc what that costs.
 *
 * <p>The single-issuer accessors ({@link #issuer()}, {@link #audiences()}, {@link #jwksUri()},
 * {@link #publicKey()}) describe the first trusted issuer; {@link #issuers()} lists them all.
 */
public final class GatehouseConfig {

  public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256");
  public static final Set<String> SUPPORTED_ALGORITHMS =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
  public static final List<String> DEFAULT_SCOPE_CLAIMS = List.of("scope", "scp", "permissions");
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_HTTP_DEADLINE = Duration.ofSeconds(5);
  public static final Duration DEFAULT_KEY_CACHE_DURATION = Duration.ofMinutes(10);
  public static final Duration DEFAULT_KEY_REFRESH_COOLDOWN = Duration.ofSeconds(30);
  public static final Duration DEFAULT_KEY_RETENTION = Duration.ofHours(24);
  public static final int DEFAULT_UNKNOWN_KID_FETCHES_PER_MINUTE = 6;
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024;
  public static final String DEFAULT_REALM = "api";
  public static final int DEFAULT_TOKEN_CACHE_MAX_ENTRIES = 10_000;
  public static final long DEFAULT_TOKEN_CACHE_MAX_BYTES = 32L * 1024 * 1024;

  private final URI issuer;
  private final Set<String> audiences;
  private final Optional<URI> jwksUri;
  private final Optional<String> publicKey;
  private final Set<String> algorithms;
  private final Duration clockSkew;
  private final Set<String> requiredScopes;
  private final List<String> scopeClaims;
  private final String realm;
  private final boolean queryParameterTokens;
  private final boolean formParameterTokens;
  private final boolean insecureLoopbackHttp;
  private final int maxTokenLength;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration httpDeadline;
  private final Duration keyCacheDuration;
  private final Duration keyRefreshCooldown;
  private final Duration keyRetention;
  private final int unknownKidFetchesPerMinute;
  private final int maxResponseBytes;
  private final Clock clock;
  private final Optional<AccessRule> accessRule;
  private final int tokenCacheMaxEntries;
  private final long tokenCacheMaxBytes;
  private final List<TrustedIssuer> issuers;
  private final PathRules pathRules;
  private final ClientPolicy clientPolicy;
  private final RevocationList revocations;
  private final List<ClaimRequirement> claimRequirements;
  private final Optional<IdentityHeaders> identityHeaders;
  private final Optional<IntrospectionConfig> introspection;
  private final MetricsSettings metrics;

  private GatehouseConfig(Builder b, List<TrustedIssuer> issuers) {
    this.issuer = b.issuer;
    this.audiences = Collections.unmodifiableSet(new LinkedHashSet<>(b.audiences));
    this.jwksUri = Optional.ofNullable(b.jwksUri);
    this.publicKey = Optional.ofNullable(b.publicKey);
    this.algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(b.algorithms));
    this.clockSkew = b.clockSkew;
    this.requiredScopes = Collections.unmodifiableSet(new LinkedHashSet<>(b.requiredScopes));
    this.scopeClaims = List.copyOf(b.scopeClaims);
    this.realm = b.realm;
    this.queryParameterTokens = b.queryParameterTokens;
    this.formParameterTokens = b.formParameterTokens;
    this.insecureLoopbackHttp = b.insecureLoopbackHttp;
    this.maxTokenLength = b.maxTokenLength;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.httpDeadline = b.httpDeadline;
    this.keyCacheDuration = b.keyCacheDuration;
    this.keyRefreshCooldown = b.keyRefreshCooldown;
    this.keyRetention = b.keyRetention;
    this.unknownKidFetchesPerMinute = b.unknownKidFetchesPerMinute;
    this.maxResponseBytes = b.maxResponseBytes;
    this.clock = b.clock;
    this.accessRule = Optional.ofNullable(b.accessRule);
    this.tokenCacheMaxEntries = b.tokenCacheMaxEntries;
    this.tokenCacheMaxBytes = b.tokenCacheMaxBytes;
    this.issuers = List.copyOf(issuers);
    this.pathRules = b.pathRules;
    this.clientPolicy =
        ClientPolicy.of(b.allowedClients, b.deniedClients, Optional.ofNullable(b.clientRegistry));
    this.revocations =
        b.revocations != null
            ? b.revocations
            : new InMemoryRevocationList(
                b.clock, b.clockSkew, InMemoryRevocationList.DEFAULT_MAX_ENTRIES);
    this.claimRequirements = List.copyOf(b.claimRequirements);
    this.identityHeaders = Optional.ofNullable(b.identityHeaders);
    this.introspection = Optional.ofNullable(b.introspection);
    this.metrics = b.metrics;
  }

  /** The same settings, trusting {@code only} this one of the issuers: what its verifier sees. */
  private GatehouseConfig(GatehouseConfig c, TrustedIssuer only) {
    this.issuer = only.issuer();
    this.audiences = only.audiences();
    this.jwksUri = only.jwksUri();
    this.publicKey = only.publicKey();
    this.algorithms = c.algorithms;
    this.clockSkew = c.clockSkew;
    this.requiredScopes = c.requiredScopes;
    this.scopeClaims = c.scopeClaims;
    this.realm = c.realm;
    this.queryParameterTokens = c.queryParameterTokens;
    this.formParameterTokens = c.formParameterTokens;
    this.insecureLoopbackHttp = c.insecureLoopbackHttp;
    this.maxTokenLength = c.maxTokenLength;
    this.connectTimeout = c.connectTimeout;
    this.readTimeout = c.readTimeout;
    this.httpDeadline = c.httpDeadline;
    this.keyCacheDuration = c.keyCacheDuration;
    this.keyRefreshCooldown = c.keyRefreshCooldown;
    this.keyRetention = c.keyRetention;
    this.unknownKidFetchesPerMinute = c.unknownKidFetchesPerMinute;
    this.maxResponseBytes = c.maxResponseBytes;
    this.clock = c.clock;
    this.accessRule = c.accessRule;
    this.tokenCacheMaxEntries = c.tokenCacheMaxEntries;
    this.tokenCacheMaxBytes = c.tokenCacheMaxBytes;
    this.issuers = List.of(only);
    this.pathRules = c.pathRules;
    this.clientPolicy = c.clientPolicy;
    this.revocations = c.revocations;
    this.claimRequirements = c.claimRequirements;
    this.identityHeaders = c.identityHeaders;
    this.introspection = c.introspection;
    this.metrics = c.metrics;
  }

  /**
   * Starts a configuration for tokens issued by {@code issuer}: either a URL, compared exactly with
   * the token's {@code iss}, or a bare host name such as {@code tenant.auth0.com}, which becomes
   * {@code https://tenant.auth0.com/} as Auth0 writes it.
   */
  public static Builder forIssuer(String issuer) {
    return new Builder(IssuerNames.normalise(issuer));
  }

  /**
   * Starts a configuration that trusts several issuers (Auth0 custom domains, several tenants),
   * each with its own audiences and keys. The token's {@code iss} selects one; a token naming any
   * other issuer is refused without contacting anyone.
   */
  public static Builder forIssuers(TrustedIssuer first, TrustedIssuer... more) {
    Builder b = new Builder(first.issuer());
    b.primaryName = first.name().equals(first.issuer().toString()) ? null : first.name();
    b.audiences.addAll(first.audiences());
    b.jwksUri = first.jwksUri().orElse(null);
    b.publicKey = first.publicKey().orElse(null);
    for (TrustedIssuer other : more) {
      b.trustIssuer(other);
    }
    return b;
  }

  public URI issuer() {
    return issuer;
  }

  public Set<String> audiences() {
    return audiences;
  }

  /** A JWKS location that replaces discovery, if one was configured. */
  public Optional<URI> jwksUri() {
    return jwksUri;
  }

  /** A static key (PEM public key or JWKS JSON) that replaces discovery, if one was configured. */
  public Optional<String> publicKey() {
    return publicKey;
  }

  public Set<String> algorithms() {
    return algorithms;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  public Set<String> requiredScopes() {
    return requiredScopes;
  }

  public List<String> scopeClaims() {
    return scopeClaims;
  }

  public String realm() {
    return realm;
  }

  public boolean queryParameterTokens() {
    return queryParameterTokens;
  }

  public boolean formParameterTokens() {
    return formParameterTokens;
  }

  public boolean insecureLoopbackHttp() {
    return insecureLoopbackHttp;
  }

  public int maxTokenLength() {
    return maxTokenLength;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /** The whole of one discovery or JWKS exchange, connect to last byte. */
  public Duration httpDeadline() {
    return httpDeadline;
  }

  public Duration keyCacheDuration() {
    return keyCacheDuration;
  }

  public Duration keyRefreshCooldown() {
    return keyRefreshCooldown;
  }

  public Duration keyRetention() {
    return keyRetention;
  }

  /** At most this many JWKS fetches for unknown {@code kid}s in any 60 seconds. */
  public int unknownKidFetchesPerMinute() {
    return unknownKidFetchesPerMinute;
  }

  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  public Clock clock() {
    return clock;
  }

  /** A rule of the application's, checked after {@link #requiredScopes()}, if one was given. */
  public Optional<AccessRule> accessRule() {
    return accessRule;
  }

  /** Every trusted issuer, the first one first, with its audiences filled in. */
  public List<TrustedIssuer> issuers() {
    return issuers;
  }

  /** This configuration as the verifier of one of its issuers sees it. */
  GatehouseConfig forIssuerOnly(TrustedIssuer only) {
    return new GatehouseConfig(this, only);
  }

  /** Access by method and path, decided before any token work. */
  public PathRules pathRules() {
    return pathRules;
  }

  public ClientPolicy clientPolicy() {
    return clientPolicy;
  }

  /** Asked about every verified token; an in-memory list unless another was given. */
  public RevocationList revocations() {
    return revocations;
  }

  public List<ClaimRequirement> claimRequirements() {
    return claimRequirements;
  }

  /** Headers that carry the verified identity downstream, if switched on. */
  public Optional<IdentityHeaders> identityHeaders() {
    return identityHeaders;
  }

  /** RFC 7662 introspection for tokens that are not JWTs, if configured. */
  public Optional<IntrospectionConfig> introspection() {
    return introspection;
  }

  /** Where the filter shows its counters: JMX, Micrometer (see docs/metrics.md). */
  public MetricsSettings metrics() {
    return metrics;
  }

  /** How many verified tokens are remembered; 0 turns the cache off. */
  public int tokenCacheMaxEntries() {
    return tokenCacheMaxEntries;
  }

  /** Estimated memory the verified-token cache may use. */
  public long tokenCacheMaxBytes() {
    return tokenCacheMaxBytes;
  }

  /** Collects settings; not thread-safe, used once. */
  public static final class Builder {
    private final URI issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private URI jwksUri;
    private String publicKey;
    private Set<String> algorithms = new LinkedHashSet<>(DEFAULT_ALGORITHMS);
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private List<String> scopeClaims = DEFAULT_SCOPE_CLAIMS;
    private String realm = DEFAULT_REALM;
    private boolean queryParameterTokens;
    private boolean formParameterTokens;
    private boolean insecureLoopbackHttp;
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration httpDeadline = DEFAULT_HTTP_DEADLINE;
    private Duration keyCacheDuration = DEFAULT_KEY_CACHE_DURATION;
    private Duration keyRefreshCooldown = DEFAULT_KEY_REFRESH_COOLDOWN;
    private Duration keyRetention = DEFAULT_KEY_RETENTION;
    private int unknownKidFetchesPerMinute = DEFAULT_UNKNOWN_KID_FETCHES_PER_MINUTE;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Clock clock = Clock.systemUTC();
    private AccessRule accessRule;
    private int tokenCacheMaxEntries = DEFAULT_TOKEN_CACHE_MAX_ENTRIES;
    private long tokenCacheMaxBytes = DEFAULT_TOKEN_CACHE_MAX_BYTES;
    /** The configuration name of the first issuer, when it came from {@code gatehouse.issuers}. */
    private String primaryName;
    private final List<TrustedIssuer> moreIssuers = new ArrayList<>();
    private PathRules pathRules = PathRules.none();
    private final Set<String> allowedClients = new LinkedHashSet<>();
    private final Set<String> deniedClients = new LinkedHashSet<>();
    private ClientRegistry clientRegistry;
    private RevocationList revocations;
    private final List<ClaimRequirement> claimRequirements = new ArrayList<>();
    private IdentityHeaders identityHeaders;
    private IntrospectionConfig introspection;
    private MetricsSettings metrics = MetricsSettings.defaults();

    private Builder(URI issuer) {
      this.issuer = issuer;
    }

    /** Audiences of which the token's {@code aud} must contain at least one. Required. */
    public Builder audiences(String... audiences) {
      return audiences(Arrays.asList(audiences));
    }

    public Builder audiences(Iterable<String> audiences) {
      audiences.forEach(a -> this.audiences.add(requireText(a, "gatehouse.audiences")));
      return this;
    }

    /** Fetches keys from this JWKS URL instead of the one named by the discovery document. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
      return this;
    }

    /**
     * Verifies with this key instead of fetching any: a PEM {@code PUBLIC KEY} block or a JWKS JSON
     * document. Nothing is fetched from the provider.
     */
    public Builder publicKey(String pemOrJwks) {
      this.publicKey = requireText(pemOrJwks, "gatehouse.public-key");
      return this;
    }

    /**
     * The only JWS algorithms accepted (default {@code RS256}). Any of {@link
     * #SUPPORTED_ALGORITHMS}; HMAC and {@code none} are never accepted.
     */
    public Builder algorithms(String... algorithms) {
      return algorithms(Arrays.asList(algorithms));
    }

    public Builder algorithms(Iterable<String> algorithms) {
      Set<String> chosen = new LinkedHashSet<>();
      algorithms.forEach(a -> chosen.add(requireText(a, "gatehouse.algorithms")));
      this.algorithms = chosen;
      return this;
    }

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat} (default 30 s, at most 5 min). */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
      return this;
    }

    /** Scopes that every token must carry, all of them. */
    public Builder requiredScopes(String... scopes) {
      return requiredScopes(Arrays.asList(scopes));
    }

    public Builder requiredScopes(Iterable<String> scopes) {
      scopes.forEach(s -> requiredScopes.add(requireText(s, "gatehouse.required-scopes")));
      return this;
    }

    /**
     * Claims whose values are merged into the token's scopes, in order. Default {@code scope} (a
     * space-separated string), {@code scp} (array or string) and Auth0's {@code permissions} array.
     */
    public Builder scopeClaims(List<String> claimNames) {
      List<String> names = new java.util.ArrayList<>();
      claimNames.forEach(n -> names.add(requireText(n, "gatehouse.scope-claims")));
      this.scopeClaims = List.copyOf(names);
      return this;
    }

    /** The {@code realm} of the {@code WWW-Authenticate} challenge (default {@code api}). */
    public Builder realm(String realm) {
      this.realm = requireText(realm, "gatehouse.realm");
      return this;
    }

    /**
     * Also accepts the token as an {@code access_token} query parameter (RFC 6750 section 2.3).
     * Risk: URLs end up in access logs, browser history and {@code Referer} headers, so the token
     * leaks. Use only for clients that cannot send headers.
     */
    public Builder allowQueryParameterTokens() {
      this.queryParameterTokens = true;
      return this;
    }

    /**
     * Also accepts the token as an {@code access_token} field of a form-encoded body (RFC 6750
     * section 2.2). Risk: the filter must read the body, and a form can be posted cross-site.
     */
    public Builder allowFormParameterTokens() {
      this.formParameterTokens = true;
      return this;
    }

    /**
     * Lets discovery and JWKS URLs use plain {@code http} when their host is a loopback address.
     * Risk: none on a single machine; meant for tests and local providers only. Other hosts still
     * need {@code https}.
     */
    public Builder allowInsecureLoopbackHttp() {
      this.insecureLoopbackHttp = true;
      return this;
    }

    /** Longest token accepted, in characters (default 8192); longer ones are refused unparsed. */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Default 5 seconds: the longest one discovery or JWKS exchange may
     * take in all, however the provider spreads its bytes; reaching it closes the connection.
     */
    public Builder httpDeadline(Duration httpDeadline) {
      this.httpDeadline = Objects.requireNonNull(httpDeadline, "httpDeadline");
      return this;
    }

    /** How long fetched keys are used when the JWKS response carries no {@code Cache-Control}. */
    public Builder keyCacheDuration(Duration keyCacheDuration) {
      this.keyCacheDuration = Objects.requireNonNull(keyCacheDuration, "keyCacheDuration");
      return this;
    }

    /**
     * Least time before a failed fetch is retried (also for unknown {@code kid}s), the shortest key
     * cache lifetime a provider can ask for, and the {@code Retry-After} of a 503. Fetches for
     * unknown {@code kid}s are limited by {@link #unknownKidFetchesPerMinute} instead.
     */
    public Builder keyRefreshCooldown(Duration keyRefreshCooldown) {
      this.keyRefreshCooldown = Objects.requireNonNull(keyRefreshCooldown, "keyRefreshCooldown");
      return this;
    }

    /**
     * At most this many JWKS fetches for tokens naming an unknown {@code kid} in any 60 seconds
     * (default 6, 1 to 60): a rotated-in key is fetched on its first token, a flood of random
     * {@code kid}s costs the provider no more than this.
     */
    public Builder unknownKidFetchesPerMinute(int fetches) {
      this.unknownKidFetchesPerMinute = fetches;
      return this;
    }

    /** How long the last good keys keep deciding while the JWKS endpoint fails. */
    public Builder keyRetention(Duration keyRetention) {
      this.keyRetention = Objects.requireNonNull(keyRetention, "keyRetention");
      return this;
    }

    /** Largest discovery or JWKS response body read, in bytes (default 512 KiB). */
    public Builder maxResponseBytes(int maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** The time source for lifetime checks; tests pass a fixed clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A check of the application's own, run on every verified token after the required scopes,
     * for example scopes that depend on the method and path.
     */
    public Builder accessRule(AccessRule accessRule) {
      this.accessRule = Objects.requireNonNull(accessRule, "accessRule");
      return this;
    }

    /**
     * Bounds of the verified-token cache (default 10,000 tokens and 32 MiB). A client that reuses
     * its token is then verified once, not on every request; {@code exp} and the signing key are
     * still checked on every hit. {@code maxEntries} 0 turns the cache off.
     */
    public Builder tokenCache(int maxEntries, long maxBytes) {
      this.tokenCacheMaxEntries = maxEntries;
      this.tokenCacheMaxBytes = maxBytes;
      return this;
    }

    /**
     * Also trusts this issuer's tokens. Its audiences, when it has none of its own, are this
     * configuration's {@link #audiences}.
     */
    public Builder trustIssuer(TrustedIssuer issuer) {
      moreIssuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /** Access by method and path (default: every request needs a valid token). */
    public Builder pathRules(PathRules pathRules) {
      this.pathRules = Objects.requireNonNull(pathRules, "pathRules");
      return this;
    }

    /** Only tokens issued to these clients ({@code azp}, else {@code client_id}) are accepted. */
    public Builder allowedClients(String... clientIds) {
      return allowedClients(Arrays.asList(clientIds));
    }

    public Builder allowedClients(Iterable<String> clientIds) {
      clientIds.forEach(c -> allowedClients.add(requireText(c, "gatehouse.clients.allowed")));
      return this;
    }

    /** Tokens issued to these clients are refused, whatever else allows them. */
    public Builder deniedClients(String... clientIds) {
      return deniedClients(Arrays.asList(clientIds));
    }

    public Builder deniedClients(Iterable<String> clientIds) {
      clientIds.forEach(c -> deniedClients.add(requireText(c, "gatehouse.clients.denied")));
      return this;
    }

    /** The application's own record of active clients, asked after the allow- and deny-lists. */
    public Builder clientRegistry(ClientRegistry registry) {
      this.clientRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Where revoked token ids are kept (default: an {@link InMemoryRevocationList} of this JVM).
     * Pass a shared store when several instances serve the API.
     */
    public Builder revocations(RevocationList revocations) {
      this.revocations = Objects.requireNonNull(revocations, "revocations");
      return this;
    }

    /** Every token must meet this condition on one of its claims. */
    public Builder requireClaim(ClaimRequirement requirement) {
      claimRequirements.add(Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /**
     * The claim must be one of {@code values} (a string), or an array holding at least one of them.
     */
    public Builder requireClaim(String claim, String... values) {
      return requireClaim(ClaimRequirement.oneOf(claim, values));
    }

    /** Carries the identity in the {@link IdentityHeaders#defaults() default headers}. */
    public Builder forwardIdentityHeaders() {
      return forwardIdentityHeaders(IdentityHeaders.defaults());
    }

    /**
     * Carries the verified subject, scopes and client id downstream in these request headers, for
     * code that reads headers. The client's own copies are removed from every request.
     */
    public Builder forwardIdentityHeaders(IdentityHeaders headers) {
      this.identityHeaders = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** Checks tokens that are not JWTs with this RFC 7662 introspection endpoint. */
    public Builder introspection(IntrospectionConfig introspection) {
      this.introspection = Objects.requireNonNull(introspection, "introspection");
      return this;
    }

    /** Where the counters are shown (default: JMX, and Micrometer when it is present). */
    public Builder metrics(MetricsSettings metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public GatehouseConfig build() {
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException(
            (primaryName != null ? "gatehouse.issuers." + primaryName + ".audiences (or "
                + "gatehouse.audiences)" : "gatehouse.audiences")
                + ": at least one audience is required, e.g. the Auth0 API"
                + " identifier (env GATEHOUSE_AUDIENCES, or mp.jwt.verify.audiences)");
      }
      if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
        throw new IllegalArgumentException(
            "gatehouse.algorithms: " + algorithms + " must be a non-empty subset of "
                + SUPPORTED_ALGORITHMS);
      }
      if (jwksUri != null && publicKey != null) {
        throw new IllegalArgumentException(
            "gatehouse.jwks-uri and gatehouse.public-key: configure one key source, not both");
      }
      requireBetween(clockSkew, Duration.ZERO, Duration.ofMinutes(5), "gatehouse.clock-skew");
      requireBetween(connectTimeout, Duration.ofMillis(1), Duration.ofMinutes(1),
          "gatehouse.http.connect-timeout");
      requireBetween(readTimeout, Duration.ofMillis(1), Duration.ofMinutes(1),
          "gatehouse.http.read-timeout");
      requireBetween(httpDeadline, Duration.ofMillis(1), Duration.ofMinutes(1),
          "gatehouse.http.deadline");
      requireBetween(keyCacheDuration, Duration.ofSeconds(1), Duration.ofDays(7),
          "gatehouse.jwks.cache-duration");
      requireBetween(keyRefreshCooldown, Duration.ofSeconds(1), Duration.ofHours(1),
          "gatehouse.jwks.refresh-cooldown");
      requireBetween(keyRetention, Duration.ZERO, Duration.ofDays(30),
          "gatehouse.jwks.retain-on-error");
      if (unknownKidFetchesPerMinute < 1 || unknownKidFetchesPerMinute > 60) {
        throw new IllegalArgumentException(
            "gatehouse.jwks.unknown-kid-fetches-per-minute: " + unknownKidFetchesPerMinute
                + " is outside 1..60");
      }
      if (maxTokenLength < 64 || maxTokenLength > 64 * 1024) {
        throw new IllegalArgumentException(
            "gatehouse.max-token-length: " + maxTokenLength + " is outside 64..65536");
      }
      if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "gatehouse.http.max-response-bytes: " + maxResponseBytes + " is outside 1 KiB..16 MiB");
      }
      if (tokenCacheMaxEntries < 0 || tokenCacheMaxEntries > 10_000_000) {
        throw new IllegalArgumentException(
            "gatehouse.token-cache.max-entries: " + tokenCacheMaxEntries + " is outside 0..10000000");
      }
      if (tokenCacheMaxBytes < 64 * 1024 || tokenCacheMaxBytes > 4L * 1024 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "gatehouse.token-cache.max-bytes: " + tokenCacheMaxBytes + " is outside 64 KiB..4 GiB");
      }
      if (jwksUri != null) {
        IssuerNames.requireFetchable(jwksUri, insecureLoopbackHttp,
            primaryName != null ? "gatehouse.issuers." + primaryName + ".jwks-uri" : "gatehouse.jwks-uri");
      } else if (publicKey == null) {
        IssuerNames.requireFetchable(issuer, insecureLoopbackHttp,
            primaryName != null ? "gatehouse.issuers." + primaryName + ".issuer" : "gatehouse.issuer");
      }
      List<TrustedIssuer> all = new ArrayList<>();
      all.add(primary());
      for (TrustedIssuer other : moreIssuers) {
        all.add(checked(other.withAudiences(audiences), all));
      }
      for (String client : deniedClients) {
        if (allowedClients.contains(client)) {
          throw new IllegalArgumentException(
              "gatehouse.clients.allowed and gatehouse.clients.denied: both name '" + client + "'");
        }
      }
      if (introspection != null) {
        IssuerNames.requireFetchable(introspection.endpoint(), insecureLoopbackHttp,
            "gatehouse.introspection.endpoint");
      }
      return new GatehouseConfig(this, all);
    }

    private TrustedIssuer primary() {
      TrustedIssuer.Builder p =
          TrustedIssuer.named(primaryName, issuer.toString())
              .audiences(audiences);
      if (jwksUri != null) {
        p.jwksUri(jwksUri);
      }
      if (publicKey != null) {
        p.publicKey(publicKey);
      }
      return p.build();
    }

    private TrustedIssuer checked(TrustedIssuer t, List<TrustedIssuer> before) {
      for (TrustedIssuer b : before) {
        if (b.issuer().equals(t.issuer())) {
          throw new IllegalArgumentException(
              t.property("issuer") + ": '" + t.issuer() + "' is already trusted");
        }
      }
      if (t.jwksUri().isPresent()) {
        IssuerNames.requireFetchable(t.jwksUri().get(), insecureLoopbackHttp, t.property("jwks-uri"));
      } else if (t.publicKey().isEmpty()) {
        IssuerNames.requireFetchable(t.issuer(), insecureLoopbackHttp, t.property("issuer"));
      }
      return t;
    }

    private static void requireBetween(Duration d, Duration min, Duration max, String name) {
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + ": " + d + " is outside " + min + ".." + max);
      }
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + ": a value must not be blank");
      }
      return value.trim();
    }
  }
}
