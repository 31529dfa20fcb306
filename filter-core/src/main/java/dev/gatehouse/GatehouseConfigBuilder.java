package dev.gatehouse;

import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.authz.ClientPolicy;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StorePolicy;
import dev.gatehouse.token.TokenSources;
import dev.gatehouse.verify.Decryption;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the settings of a {@link GatehouseConfig}, started by {@link GatehouseConfig#forIssuer}
 * or {@link GatehouseConfig#forIssuers}; not thread-safe, used once.
 */
public interface GatehouseConfigBuilder {

  /** Audiences of which the token's {@code aud} must contain at least one. Required. */
  default GatehouseConfigBuilder audiences(String... audiences) {
    return audiences(Arrays.asList(audiences));
  }

  GatehouseConfigBuilder audiences(Iterable<String> audiences);

  /** Fetches keys from this JWKS URL instead of the one the discovery document names. */
  GatehouseConfigBuilder jwksUri(URI jwksUri);

  /**
   * Verifies with this key instead of fetching any: a PEM {@code PUBLIC KEY} block or a JWKS
   * document, parsed by {@link #build()}, which fails naming {@code gatehouse.public-key} when it
   * holds no usable public key.
   */
  GatehouseConfigBuilder publicKey(String pemOrJwks);

  /** The only JWS algorithms accepted (default RS256); HMAC and {@code none} never are. */
  default GatehouseConfigBuilder algorithms(String... algorithms) {
    return algorithms(Arrays.asList(algorithms));
  }

  GatehouseConfigBuilder algorithms(Iterable<String> algorithms);

  /** Tolerance for {@code exp}, {@code nbf} and {@code iat} (default 30 s, at most 5 min). */
  GatehouseConfigBuilder clockSkew(Duration clockSkew);

  /** The time source for lifetime checks and cooldowns; tests pass their own. */
  GatehouseConfigBuilder clock(Clock clock);

  /** Scopes that every token must carry, all of them. */
  default GatehouseConfigBuilder requiredScopes(String... scopes) {
    return requiredScopes(Arrays.asList(scopes));
  }

  GatehouseConfigBuilder requiredScopes(Iterable<String> scopes);

  /**
   * Claims whose values are merged into the token's scopes, in order. Default {@code scope} (a
   * space-separated string), {@code scp} (array or string) and Auth0's {@code permissions}. A name
   * may be a path, {@code realm_access.roles} ({@link dev.gatehouse.internal.config.ClaimPath}).
   */
  GatehouseConfigBuilder scopeClaims(List<String> claimNames);

  /** The claim that names the caller (default {@code sub}); see {@link PrincipalClaim}. */
  GatehouseConfigBuilder principalClaim(String claimName);

  /** The {@code realm} of the {@code WWW-Authenticate} challenge (default {@code api}). */
  GatehouseConfigBuilder realm(String realm);

  /**
   * Lets discovery, JWKS and introspection URLs use plain {@code http} when their host is a
   * loopback address. Risk: none on a single machine; meant for tests and local providers. Other
   * hosts still need {@code https}.
   */
  GatehouseConfigBuilder allowInsecureLoopbackHttp();

  /** Token length, and the parameters a token may also come in (each says its risk). */
  GatehouseConfigBuilder tokens(Consumer<TokenSources.Builder> settings);

  /** Timeouts, deadline and body limit of discovery, JWKS and introspection exchanges. */
  GatehouseConfigBuilder http(Consumer<OutboundLimits.Builder> settings);

  /** Key cache lifetime, refresh cooldown, retention on error, unknown-{@code kid} fetches. */
  GatehouseConfigBuilder keys(Consumer<KeyPolicy.Builder> settings);

  /**
   * Bounds of the verified-token cache (default 10,000 tokens and 32 MiB). A client that reuses its
   * token is verified once; {@code exp} and the signing key are still checked on every hit. {@code
   * maxEntries} 0 turns the cache off.
   */
  GatehouseConfigBuilder tokenCache(int maxEntries, long maxBytes);

  /** Also trusts this issuer; it takes this configuration's audiences when it has none. */
  GatehouseConfigBuilder trustIssuer(TrustedIssuer issuer);

  /** Access by method and path (default: every request needs a valid token). */
  GatehouseConfigBuilder pathRules(PathRules pathRules);

  /** Which clients' tokens are accepted: allow-list, deny-list, the application's registry. */
  GatehouseConfigBuilder clients(Consumer<ClientPolicy.Builder> settings);

  /**
   * Keeps revocations, used DPoP proofs, nonce keys and introspection answers in this store, which
   * the application built (and closes itself), for instance one shared by every node. Default: an
   * in-process store the filter makes for itself.
   */
  default GatehouseConfigBuilder store(SharedStore store) {
    return store(s -> s.store(store));
  }

  /** What a check does while the store cannot be reached (default fail-closed: 503). */
  default GatehouseConfigBuilder storeUnavailable(StoreOutage outage) {
    return store(s -> s.whenUnavailable(outage));
  }

  /**
   * The store and its failure policy; {@code factory(...)} is what {@code gatehouse.store=<name>}
   * does: the factory's store is made when the filter starts and closed when it stops.
   */
  GatehouseConfigBuilder store(Consumer<StorePolicy.Builder> settings);

  /** Every token must meet this condition on one of its claims. */
  GatehouseConfigBuilder requireClaim(ClaimRequirement requirement);

  /** The claim must be one of {@code values} (a string), or an array holding one of them. */
  default GatehouseConfigBuilder requireClaim(String claim, String... values) {
    return requireClaim(ClaimRequirement.oneOf(claim, values));
  }

  /** A check of the application's own, run on every verified token after the required scopes. */
  GatehouseConfigBuilder accessRule(AccessRule accessRule);

  /** Carries the identity in the {@link IdentityHeaders#defaults() default headers}. */
  default GatehouseConfigBuilder forwardIdentityHeaders() {
    return forwardIdentityHeaders(IdentityHeaders.defaults());
  }

  /**
   * Carries the verified subject, scopes and client id downstream in these request headers; the
   * client's own copies are removed from every request.
   */
  GatehouseConfigBuilder forwardIdentityHeaders(IdentityHeaders headers);

  /** Checks tokens that are not JWTs with this RFC 7662 introspection endpoint. */
  GatehouseConfigBuilder introspection(IntrospectionConfig introspection);

  /** Accepts encrypted tokens (a JWE around the signed token), opened with these keys. */
  GatehouseConfigBuilder decryption(Decryption decryption);

  /** Where the counters are shown (default: JMX, and Micrometer when it is present). */
  GatehouseConfigBuilder metrics(MetricsSettings metrics);

  /** Resource identifier (serves RFC 9728 metadata) and where client certificates come from. */
  GatehouseConfigBuilder protectedResource(Consumer<ProtectedResource.Builder> settings);

  /** DPoP: accepted on paths without a rule that says (default allowed), proofs, nonces. */
  GatehouseConfigBuilder dpop(Consumer<DpopPolicy.Builder> settings);

  /**
   * @throws IllegalArgumentException naming the setting that is missing or out of range
   */
  GatehouseConfig build();
}
