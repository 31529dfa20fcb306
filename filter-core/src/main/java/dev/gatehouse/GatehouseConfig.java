package dev.gatehouse;

import dev.gatehouse.authz.AccessPolicy;
import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.authz.ClientPolicy;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.authz.RevocationList;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.token.PrincipalClaim;
import dev.gatehouse.token.TokenSources;
import dev.gatehouse.verify.Decryption;
import dev.gatehouse.verify.TokenCachePolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the filter needs to know, checked in {@link Builder#build()}: a façade over one small
 * value per step ({@link #tokens()}, {@link #http()}, {@link #keys()}, {@link #access()}, ...),
 * each of which is all that step is given. Start from {@link #forIssuer} or {@link #forIssuers};
 * all else has a secure default, and each {@code allow...} says what it costs.
 */
public final class GatehouseConfig {

  public static final Set<String> SUPPORTED_ALGORITHMS = VerificationPolicy.SUPPORTED;
  public static final String DEFAULT_REALM = "api";

  private final List<TrustedIssuer> issuers;
  private final Map<URI, StaticKeySource> staticKeys;
  private final Set<String> algorithms;
  private final List<String> scopeClaims;
  private final PrincipalClaim principalClaim;
  private final Duration clockSkew;
  private final Clock clock;
  private final String realm;
  private final TokenSources tokens;
  private final OutboundLimits http;
  private final KeyPolicy keys;
  private final TokenCachePolicy tokenCache;
  private final AccessPolicy access;
  private final Optional<RevocationList> revocations;
  private final PathRules pathRules;
  private final Optional<IdentityHeaders> identityHeaders;
  private final Optional<IntrospectionConfig> introspection;
  private final Optional<Decryption> decryption;
  private final MetricsSettings metrics;
  private final ProtectedResource resource;
  private final DpopPolicy dpop;

  GatehouseConfig(ConfigBuilder b, List<TrustedIssuer> issuers) {
    this.issuers = issuers;
    this.staticKeys = ConfigChecks.staticKeys(issuers);
    this.algorithms =
        new VerificationPolicy(issuer(), audiences(), b.algorithms, b.scopeClaims).algorithms();
    this.scopeClaims = b.scopeClaims;
    this.principalClaim = PrincipalClaim.of(b.principalClaim);
    this.clockSkew = b.clockSkew;
    this.clock = b.clock;
    this.realm = b.realm;
    this.tokens = b.tokens.build();
    this.http = b.http.build(b.insecureLoopbackHttp);
    this.keys = b.keys.build();
    this.tokenCache = new TokenCachePolicy(b.tokenCacheEntries, b.tokenCacheBytes);
    this.access = b.access.build();
    this.revocations = Optional.ofNullable(b.revocations);
    this.pathRules = b.pathRules;
    this.identityHeaders = Optional.ofNullable(b.identityHeaders);
    this.introspection = Optional.ofNullable(b.introspection);
    this.decryption = Optional.ofNullable(b.decryption);
    this.metrics = b.metrics;
    this.resource = b.resource.build();
    this.dpop = b.dpop.build();
  }

  /** Tokens of {@code issuer}: a URL compared exactly with {@code iss}, or a bare Auth0 host. */
  public static Builder forIssuer(String issuer) {
    return new ConfigBuilder(TrustedIssuer.unnamed(issuer));
  }

  /** Trusts several issuers, each with its own audiences and keys; {@code iss} selects one. */
  public static Builder forIssuers(TrustedIssuer first, TrustedIssuer... more) {
    Builder b = new ConfigBuilder(first).audiences(first.audiences());
    for (TrustedIssuer other : more) {
      b.trustIssuer(other);
    }
    return b;
  }

  // The first trusted issuer, for the common case of one.
  public URI issuer() {
    return issuers.get(0).issuer();
  }

  public Set<String> audiences() {
    return issuers.get(0).audiences();
  }

  public Optional<URI> jwksUri() {
    return issuers.get(0).jwksUri();
  }

  public Optional<String> publicKey() {
    return issuers.get(0).publicKey();
  }

  /** Every trusted issuer, the first one first, with its audiences filled in. */
  public List<TrustedIssuer> issuers() {
    return issuers;
  }

  public Set<String> algorithms() {
    return algorithms;
  }

  public List<String> scopeClaims() {
    return scopeClaims;
  }

  /** The claim that names the caller: {@code getUserPrincipal()}, CDI, the subject header. */
  public PrincipalClaim principalClaim() {
    return principalClaim;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  /** The time source of every lifetime check and cooldown. */
  public Clock clock() {
    return clock;
  }

  public String realm() {
    return realm;
  }

  /** Where a request's token is read from, and its longest length. */
  public TokenSources tokens() {
    return tokens;
  }

  /** The bounds of every discovery, JWKS and introspection exchange. */
  public OutboundLimits http() {
    return http;
  }

  public boolean insecureLoopbackHttp() {
    return http.insecureLoopbackHttp();
  }

  /** How fetched keys are kept and refreshed. */
  public KeyPolicy keys() {
    return keys;
  }

  public TokenCachePolicy tokenCache() {
    return tokenCache;
  }

  /** Scopes, clients, claims and the application's rule, checked after verification. */
  public AccessPolicy access() {
    return access;
  }

  public Set<String> requiredScopes() {
    return access.requiredScopes();
  }

  /** The application's store of revoked token ids; when empty the filter keeps its own. */
  public Optional<RevocationList> revocations() {
    return revocations;
  }

  /** Access by method and path, decided before any token work. */
  public PathRules pathRules() {
    return pathRules;
  }

  /** Headers that carry the verified identity downstream, if switched on. */
  public Optional<IdentityHeaders> identityHeaders() {
    return identityHeaders;
  }

  /** RFC 7662 introspection for tokens that are not JWTs, if configured. */
  public Optional<IntrospectionConfig> introspection() {
    return introspection;
  }

  /** The keys and algorithms encrypted tokens are opened with; without them a JWE is malformed. */
  public Optional<Decryption> decryption() {
    return decryption;
  }

  /** Where the filter shows its counters: JMX, Micrometer (see docs/metrics.md). */
  public MetricsSettings metrics() {
    return metrics;
  }

  /** The resource identifier of RFC 9728 metadata and the client-certificate source (RFC 8705). */
  public ProtectedResource protectedResource() {
    return resource;
  }

  /** DPoP-bound tokens (RFC 9449): the default per path, proof rules, nonces, replay bound. */
  public DpopPolicy dpop() {
    return dpop;
  }

  /** Each static key, parsed in {@link Builder#build()}, by issuer. */
  Map<URI, StaticKeySource> staticKeys() {
    return staticKeys;
  }

  /** Collects settings; not thread-safe, used once. */
  public interface Builder {

    /** Audiences of which the token's {@code aud} must contain at least one. Required. */
    Builder audiences(String... audiences);

    Builder audiences(Iterable<String> audiences);

    /** Fetches keys from this JWKS URL instead of the one the discovery document names. */
    Builder jwksUri(URI jwksUri);

    /**
     * Verifies with this key instead of fetching any: a PEM {@code PUBLIC KEY} block or a JWKS
     * document, parsed by {@link #build()}, which fails naming {@code gatehouse.public-key} when it
     * holds no usable public key.
     */
    Builder publicKey(String pemOrJwks);

    /** The only JWS algorithms accepted (default RS256); HMAC and {@code none} never are. */
    Builder algorithms(String... algorithms);

    Builder algorithms(Iterable<String> algorithms);

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat} (default 30 s, at most 5 min). */
    Builder clockSkew(Duration clockSkew);

    /** The time source for lifetime checks and cooldowns; tests pass their own. */
    Builder clock(Clock clock);

    /** Scopes that every token must carry, all of them. */
    Builder requiredScopes(String... scopes);

    Builder requiredScopes(Iterable<String> scopes);

    /**
     * Claims whose values are merged into the token's scopes, in order. Default {@code scope} (a
     * space-separated string), {@code scp} (array or string) and Auth0's {@code permissions}. A
     * name may be a path, {@code realm_access.roles} ({@link
     * dev.gatehouse.internal.config.ClaimPath}).
     */
    Builder scopeClaims(List<String> claimNames);

    /** The claim that names the caller (default {@code sub}); see {@link PrincipalClaim}. */
    Builder principalClaim(String claimName);

    /** The {@code realm} of the {@code WWW-Authenticate} challenge (default {@code api}). */
    Builder realm(String realm);

    /**
     * Lets discovery, JWKS and introspection URLs use plain {@code http} when their host is a
     * loopback address. Risk: none on a single machine; meant for tests and local providers. Other
     * hosts still need {@code https}.
     */
    Builder allowInsecureLoopbackHttp();

    /** Token length, and the parameters a token may also come in (each says its risk). */
    Builder tokens(Consumer<TokenSources.Builder> settings);

    /** Timeouts, deadline and body limit of discovery, JWKS and introspection exchanges. */
    Builder http(Consumer<OutboundLimits.Builder> settings);

    /** Key cache lifetime, refresh cooldown, retention on error, unknown-{@code kid} fetches. */
    Builder keys(Consumer<KeyPolicy.Builder> settings);

    /**
     * Bounds of the verified-token cache (default 10,000 tokens and 32 MiB). A client that reuses
     * its token is verified once; {@code exp} and the signing key are still checked on every hit.
     * {@code maxEntries} 0 turns the cache off.
     */
    Builder tokenCache(int maxEntries, long maxBytes);

    /** Also trusts this issuer; it takes this configuration's audiences when it has none. */
    Builder trustIssuer(TrustedIssuer issuer);

    /** Access by method and path (default: every request needs a valid token). */
    Builder pathRules(PathRules pathRules);

    /** Which clients' tokens are accepted: allow-list, deny-list, the application's registry. */
    Builder clients(Consumer<ClientPolicy.Builder> settings);

    /**
     * Where revoked token ids are kept. Default: an in-memory list the filter makes for itself
     * (published as a servlet-context attribute); pass a shared store when several instances serve
     * the API.
     */
    Builder revocations(RevocationList revocations);

    /** Every token must meet this condition on one of its claims. */
    Builder requireClaim(ClaimRequirement requirement);

    /** The claim must be one of {@code values} (a string), or an array holding one of them. */
    Builder requireClaim(String claim, String... values);

    /** A check of the application's own, run on every verified token after the required scopes. */
    Builder accessRule(AccessRule accessRule);

    /** Carries the identity in the {@link IdentityHeaders#defaults() default headers}. */
    Builder forwardIdentityHeaders();

    /**
     * Carries the verified subject, scopes and client id downstream in these request headers; the
     * client's own copies are removed from every request.
     */
    Builder forwardIdentityHeaders(IdentityHeaders headers);

    /** Checks tokens that are not JWTs with this RFC 7662 introspection endpoint. */
    Builder introspection(IntrospectionConfig introspection);

    /** Accepts encrypted tokens (a JWE around the signed token), opened with these keys. */
    Builder decryption(Decryption decryption);

    /** Where the counters are shown (default: JMX, and Micrometer when it is present). */
    Builder metrics(MetricsSettings metrics);

    /** Resource identifier (serves RFC 9728 metadata) and where client certificates come from. */
    Builder protectedResource(Consumer<ProtectedResource.Builder> settings);

    /** DPoP: accepted on paths without a rule that says (default allowed), proofs, nonces. */
    Builder dpop(Consumer<DpopPolicy.Builder> settings);

    /**
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    GatehouseConfig build();
  }
}
