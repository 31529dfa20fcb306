package dev.gatehouse;

import dev.gatehouse.authz.AccessPolicy;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.store.StorePolicy;
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

/**
 * Everything the filter needs to know, checked in {@link GatehouseConfigBuilder#build()}: a façade
 * over one small value per step ({@link #tokens()}, {@link #http()}, {@link #keys()}, {@link
 * #access()}, ...), each of which is all that step is given. Start from {@link #forIssuer} or
 * {@link #forIssuers}; all else has a secure default, and each {@code allow...} says what it costs.
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
  private final StorePolicy store;
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
    this.store = b.store.build();
    this.pathRules = b.pathRules;
    this.identityHeaders = Optional.ofNullable(b.identityHeaders);
    this.introspection = Optional.ofNullable(b.introspection);
    this.decryption = Optional.ofNullable(b.decryption);
    this.metrics = b.metrics;
    this.resource = b.resource.build();
    this.dpop = b.dpop.build();
  }

  /** Tokens of {@code issuer}: a URL compared exactly with {@code iss}, or a bare Auth0 host. */
  public static GatehouseConfigBuilder forIssuer(String issuer) {
    return new ConfigBuilder(TrustedIssuer.unnamed(issuer));
  }

  /** Trusts several issuers, each with its own audiences and keys; {@code iss} selects one. */
  public static GatehouseConfigBuilder forIssuers(TrustedIssuer first, TrustedIssuer... more) {
    GatehouseConfigBuilder b = new ConfigBuilder(first).audiences(first.audiences());
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

  /** Where revocations, used DPoP proofs, nonce keys and introspection answers are kept. */
  public StorePolicy store() {
    return store;
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

  /** Each static key, parsed in {@link GatehouseConfigBuilder#build()}, by issuer. */
  Map<URI, StaticKeySource> staticKeys() {
    return staticKeys;
  }
}
