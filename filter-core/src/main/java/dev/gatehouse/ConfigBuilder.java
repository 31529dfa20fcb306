package dev.gatehouse;

import static dev.gatehouse.ConfigChecks.requireText;

import dev.gatehouse.authz.AccessPolicy;
import dev.gatehouse.authz.AccessRule;
import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.authz.ClientPolicy;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.time.ClockSkew;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link GatehouseConfigBuilder}: collects the settings, hands each group to the builder of
 * its step's value, and leaves every check to {@link #build()}, so the first wrong setting is named
 * however the settings were given.
 */
final class ConfigBuilder implements GatehouseConfigBuilder {

  private final IssuerSettings issuers;
  Set<String> algorithms = VerificationPolicy.DEFAULT_ALGORITHMS;
  List<String> scopeClaims = VerificationPolicy.DEFAULT_SCOPE_CLAIMS;
  String principalClaim = PrincipalClaim.DEFAULT;
  Duration clockSkew = ClockSkew.DEFAULT;
  Clock clock = Clock.systemUTC();
  String realm = GatehouseConfig.DEFAULT_REALM;
  boolean insecureLoopbackHttp;
  final TokenSources.Builder tokens = TokenSources.builder();
  final OutboundLimits.Builder http = OutboundLimits.builder();
  final KeyPolicy.Builder keys = KeyPolicy.builder();
  int tokenCacheEntries = TokenCachePolicy.DEFAULTS.maxEntries();
  long tokenCacheBytes = TokenCachePolicy.DEFAULTS.maxBytes();
  final AccessPolicy.Builder access = AccessPolicy.builder();
  final StorePolicy.Builder store = StorePolicy.builder();
  PathRules pathRules = PathRules.none();
  @Nullable IdentityHeaders identityHeaders;
  @Nullable IntrospectionConfig introspection;
  @Nullable Decryption decryption;
  MetricsSettings metrics = MetricsSettings.defaults();
  final ProtectedResource.Builder resource = ProtectedResource.builder();
  final DpopPolicy.Builder dpop = DpopPolicy.builder();

  ConfigBuilder(TrustedIssuer first) {
    this.issuers = new IssuerSettings(first);
  }

  @Override
  public ConfigBuilder audiences(Iterable<String> values) {
    issuers.audiences(values);
    return this;
  }

  @Override
  public ConfigBuilder jwksUri(URI jwksUri) {
    issuers.jwksUri(jwksUri);
    return this;
  }

  @Override
  public ConfigBuilder publicKey(String pemOrJwks) {
    issuers.publicKey(pemOrJwks);
    return this;
  }

  @Override
  public ConfigBuilder algorithms(Iterable<String> names) {
    Set<String> chosen = new LinkedHashSet<>();
    names.forEach(a -> chosen.add(requireText(a, ConfigKey.ALGORITHMS.property())));
    this.algorithms = chosen;
    return this;
  }

  @Override
  public ConfigBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    return this;
  }

  @Override
  public ConfigBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  @Override
  public ConfigBuilder requiredScopes(Iterable<String> scopes) {
    access.requiredScopes(scopes);
    return this;
  }

  @Override
  public ConfigBuilder scopeClaims(List<String> claimNames) {
    this.scopeClaims =
        claimNames.stream().map(n -> requireText(n, ConfigKey.SCOPE_CLAIMS.property())).toList();
    return this;
  }

  @Override
  public ConfigBuilder principalClaim(String claimName) {
    this.principalClaim = requireText(claimName, ConfigKey.PRINCIPAL_CLAIM.property());
    return this;
  }

  @Override
  public ConfigBuilder realm(String realm) {
    this.realm = requireText(realm, ConfigKey.REALM.property());
    return this;
  }

  @Override
  public ConfigBuilder allowInsecureLoopbackHttp() {
    this.insecureLoopbackHttp = true;
    return this;
  }

  @Override
  public ConfigBuilder tokens(Consumer<TokenSources.Builder> settings) {
    settings.accept(tokens);
    return this;
  }

  @Override
  public ConfigBuilder http(Consumer<OutboundLimits.Builder> settings) {
    settings.accept(http);
    return this;
  }

  @Override
  public ConfigBuilder keys(Consumer<KeyPolicy.Builder> settings) {
    settings.accept(keys);
    return this;
  }

  @Override
  public ConfigBuilder tokenCache(int maxEntries, long maxBytes) {
    this.tokenCacheEntries = maxEntries;
    this.tokenCacheBytes = maxBytes;
    return this;
  }

  @Override
  public ConfigBuilder trustIssuer(TrustedIssuer issuer) {
    issuers.trust(issuer);
    return this;
  }

  @Override
  public ConfigBuilder pathRules(PathRules pathRules) {
    this.pathRules = Objects.requireNonNull(pathRules, "pathRules");
    return this;
  }

  @Override
  public ConfigBuilder clients(Consumer<ClientPolicy.Builder> settings) {
    access.clients(settings);
    return this;
  }

  @Override
  public ConfigBuilder store(Consumer<StorePolicy.Builder> settings) {
    settings.accept(store);
    return this;
  }

  @Override
  public ConfigBuilder requireClaim(ClaimRequirement requirement) {
    access.requireClaim(requirement);
    return this;
  }

  @Override
  public ConfigBuilder accessRule(AccessRule accessRule) {
    access.rule(accessRule);
    return this;
  }

  @Override
  public ConfigBuilder forwardIdentityHeaders(IdentityHeaders headers) {
    this.identityHeaders = Objects.requireNonNull(headers, "headers");
    return this;
  }

  @Override
  public ConfigBuilder introspection(IntrospectionConfig introspection) {
    this.introspection = Objects.requireNonNull(introspection, "introspection");
    return this;
  }

  @Override
  public ConfigBuilder decryption(Decryption decryption) {
    this.decryption = Objects.requireNonNull(decryption, "decryption");
    return this;
  }

  @Override
  public ConfigBuilder metrics(MetricsSettings metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  @Override
  public ConfigBuilder protectedResource(Consumer<ProtectedResource.Builder> settings) {
    settings.accept(resource);
    return this;
  }

  @Override
  public ConfigBuilder dpop(Consumer<DpopPolicy.Builder> settings) {
    settings.accept(dpop);
    return this;
  }

  @Override
  public GatehouseConfig build() {
    issuers.checkFirst();
    ConfigChecks.clockSkewAndIntrospection(clockSkew, introspection, insecureLoopbackHttp);
    List<TrustedIssuer> trusted = issuers.checked(insecureLoopbackHttp);
    ConfigChecks.jwtIntrospection(introspection, trusted);
    return new GatehouseConfig(this, trusted);
  }
}
