package dev.gatehouse.demo;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.IdentityHeaders;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.token.PrincipalClaim;
import dev.gatehouse.token.TokenSources;
import dev.gatehouse.verify.Decryption;
import dev.gatehouse.verify.TokenCachePolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The default and one-paragraph description of every filter setting, for {@code --help}. Defaults
 * come from the library's constants where it has them, so the help cannot drift from the code;
 * docs/configuration.md has the long form.
 */
final class FilterSettingsHelp {

  record Entry(String defaultValue, String description) {}

  private static final Map<ConfigKey, Entry> ENTRIES = new EnumMap<>(ConfigKey.class);

  static {
    identity();
    transport();
    keysAndCache();
    rulesAndClients();
    introspection();
    protectedResource();
    dpop();
    ENTRIES.putAll(LoginSettingsHelp.entries());
  }

  private FilterSettingsHelp() {}

  /** The entry for {@code key}; empty only for a key added to the library and not yet here. */
  static Optional<Entry> of(ConfigKey key) {
    return Optional.ofNullable(ENTRIES.get(key));
  }

  private static void identity() {
    put(
        ConfigKey.ISSUER,
        "the local provider",
        "Issuer the token's iss must equal; a bare host such as tenant.auth0.com means"
            + " https://tenant.auth0.com/. Setting it trusts that provider instead of the local"
            + " one.");
    put(
        ConfigKey.AUDIENCES,
        DemoSettings.LOCAL_AUDIENCE + " (offline only)",
        "Audiences, one of which the token's aud must contain (the API identifier).");
    put(
        ConfigKey.JWKS_URI,
        "from discovery",
        "JWKS URL to use instead of the jwks_uri of the discovery document.");
    put(
        ConfigKey.PUBLIC_KEY,
        "none",
        "A PEM public key or JWKS JSON to verify with; nothing is fetched.");
    put(
        ConfigKey.PUBLIC_KEY_LOCATION,
        "none",
        "File, file: URL or classpath: resource holding that key; an https URL is a JWKS URL.");
    put(
        ConfigKey.ALGORITHMS,
        String.join(",", new TreeSet<>(VerificationPolicy.DEFAULT_ALGORITHMS)),
        "The only JWS algorithms accepted; HMAC and none are never accepted.");
    put(
        ConfigKey.CLOCK_SKEW,
        duration(ClockSkew.DEFAULT),
        "Tolerance for exp, nbf and iat (at most 5m).");
    put(
        ConfigKey.REQUIRED_SCOPES,
        "none",
        "Scopes every /api request needs, on top of the per-endpoint ones.");
    put(
        ConfigKey.SCOPE_CLAIMS,
        String.join(",", VerificationPolicy.DEFAULT_SCOPE_CLAIMS),
        "Claims whose values count as scopes (Auth0 RBAC writes permissions); a.b is a path.");
    put(
        ConfigKey.PRINCIPAL_CLAIM,
        PrincipalClaim.DEFAULT,
        "Claim that names the caller (e.g. preferred_username); a token without it gets 401.");
    put(ConfigKey.REALM, GatehouseConfig.DEFAULT_REALM, "realm of the WWW-Authenticate challenge.");
    put(
        ConfigKey.ALLOW_QUERY_TOKEN,
        "false",
        "Also accept ?access_token= (risky: URLs end up in logs and Referer headers).");
    put(
        ConfigKey.ALLOW_FORM_TOKEN,
        "false",
        "Also accept an access_token field in a form-encoded POST body.");
    put(
        ConfigKey.MAX_TOKEN_LENGTH,
        Integer.toString(TokenSources.DEFAULT_MAX_LENGTH),
        "Longest token accepted, in characters; longer ones get 400 unparsed.");
    put(
        ConfigKey.ISSUERS,
        "none",
        "Names of further trusted issuers, each set with gatehouse.issuers.<name>.issuer,"
            + " .audiences, .jwks-uri, .public-key or .public-key-location.");
  }

  private static void transport() {
    put(
        ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP,
        "false (true offline)",
        "Allow plain http provider URLs on localhost, 127.x.x.x and [::1] only; names are never"
            + " resolved for this check.");
    put(
        ConfigKey.CONNECT_TIMEOUT,
        duration(OutboundLimits.DEFAULT_CONNECT_TIMEOUT),
        "Connect timeout for discovery and JWKS requests.");
    put(
        ConfigKey.READ_TIMEOUT,
        duration(OutboundLimits.DEFAULT_READ_TIMEOUT),
        "Read timeout for discovery and JWKS requests.");
    put(
        ConfigKey.HTTP_DEADLINE,
        duration(OutboundLimits.DEFAULT_DEADLINE),
        "Whole discovery or JWKS exchange, connect to last byte; redirects are never followed.");
    put(
        ConfigKey.MAX_RESPONSE_BYTES,
        Integer.toString(OutboundLimits.DEFAULT_MAX_RESPONSE_BYTES),
        "Largest discovery, JWKS or introspection response read.");
    put(
        ConfigKey.METRICS_JMX,
        "true",
        "Publish the filter's counters as the MBean dev.gatehouse:type=GatehouseFilter,name=<filter>.");
    put(
        ConfigKey.METRICS_MICROMETER,
        "true",
        "Also register the counters as gatehouse.* meters when Micrometer is on the classpath.");
  }

  private static void keysAndCache() {
    put(
        ConfigKey.KEY_CACHE_DURATION,
        duration(KeyPolicy.DEFAULTS.cacheDuration()),
        "How long keys are kept when the JWKS response has no Cache-Control.");
    put(
        ConfigKey.KEY_REFRESH_COOLDOWN,
        duration(KeyPolicy.DEFAULTS.refreshCooldown()),
        "Least time before a failed JWKS fetch or discovery is retried; also the shortest key"
            + " cache lifetime and the Retry-After of a 503.");
    put(
        ConfigKey.KEY_RETENTION,
        duration(KeyPolicy.DEFAULTS.retention()),
        "How long the last good keys keep working while the JWKS endpoint fails.");
    put(
        ConfigKey.UNKNOWN_KID_FETCHES,
        Integer.toString(KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute()),
        "At most this many JWKS fetches in any 60 s for tokens naming an unknown kid (1 to 60);"
            + " a request with a new kid waits up to 2 s for one.");
    put(
        ConfigKey.TOKEN_CACHE_MAX_ENTRIES,
        Integer.toString(TokenCachePolicy.DEFAULTS.maxEntries()),
        "How many verified tokens are remembered (0 turns the cache off).");
    put(
        ConfigKey.TOKEN_CACHE_MAX_BYTES,
        Long.toString(TokenCachePolicy.DEFAULTS.maxBytes()),
        "Estimated memory the verified-token cache may use.");
  }

  private static void rulesAndClients() {
    put(
        ConfigKey.RULES,
        "none",
        "Path and method rules, one per line: METHODS PATH ACCESS, e.g. 'GET /api/orders/*"
            + " scopes=read:orders' or '* /admin/* deny'. First match wins.");
    put(
        ConfigKey.RULES_DEFAULT,
        "authenticated",
        "Access for requests no rule matches: authenticated, permit or deny.");
    put(
        ConfigKey.CORS_PREFLIGHT,
        "rules",
        "permit lets CORS preflight requests through without a token; rules treats them like any"
            + " request.");
    put(
        ConfigKey.ALLOW_AMBIGUOUS_PATHS,
        "none",
        "Legacy only: path spellings let through although readers disagree about them"
            + " (encoded-slash, encoded-backslash, backslash, encoded-semicolon, encoded-percent,"
            + " encoded-period, dot-segments, empty-segments); otherwise 400.");
    put(
        ConfigKey.CLIENTS_ALLOWED,
        "none",
        "Only tokens issued to these client ids (azp, else client_id) are accepted.");
    put(ConfigKey.CLIENTS_DENIED, "none", "Tokens issued to these client ids are refused.");
    put(
        ConfigKey.IDENTITY_HEADERS,
        "false",
        "Carry the verified subject, scopes and client id in request headers; a request that"
            + " sends one of them itself gets 400.");
    put(ConfigKey.IDENTITY_HEADERS_SUBJECT, IdentityHeaders.DEFAULT_SUBJECT, "Header for sub.");
    put(
        ConfigKey.IDENTITY_HEADERS_SCOPES,
        IdentityHeaders.DEFAULT_SCOPES,
        "Header for the scopes, space-separated.");
    put(
        ConfigKey.IDENTITY_HEADERS_CLIENT_ID,
        IdentityHeaders.DEFAULT_CLIENT_ID,
        "Header for the client id.");
  }

  private static void dpop() {
    DpopPolicy d = DpopPolicy.DEFAULTS;
    put(
        ConfigKey.DPOP,
        d.mode().word(),
        "DPoP-bound tokens (RFC 9449) on paths whose rule has no dpop=: off, allowed or required."
            + " The demo's rules require them on /api/dpop/*.");
    put(
        ConfigKey.DPOP_ALGORITHMS,
        String.join(",", d.algorithms()),
        "Proof algorithms, in the order the DPoP challenge's algs names them; asymmetric only.");
    put(
        ConfigKey.DPOP_PROOF_MAX_AGE,
        duration(d.proofMaxAge()),
        "How long after its iat a proof is accepted, plus the clock skew.");
    put(
        ConfigKey.DPOP_NONCE,
        "off",
        "on: every proof must carry a nonce from this server (401 use_dpop_nonce with DPoP-Nonce).");
    put(
        ConfigKey.DPOP_REPLAY_MAX_ENTRIES,
        Integer.toString(d.replayMaxEntries()),
        "Bound of the store of proof jtis; when full, new proofs get 503.");
    put(
        ConfigKey.PUBLIC_BASE_URL,
        "the request's own URL",
        "Origin clients use behind a proxy (https://api.example.com): DPoP proofs name it.");
  }

  private static void introspection() {
    put(
        ConfigKey.INTROSPECTION_ENDPOINT,
        "none",
        "RFC 7662 endpoint for tokens that are not JWTs; every other introspection key needs it.");
    put(
        ConfigKey.INTROSPECTION_CLIENT_ID,
        "none (required with an endpoint)",
        "This API's client id at the authorization server.");
    put(
        ConfigKey.INTROSPECTION_CLIENT_SECRET,
        "none (required with an endpoint)",
        "Its secret; never logged or printed.");
    put(
        ConfigKey.INTROSPECTION_CLIENT_AUTH,
        "client_secret_basic",
        "client_secret_basic (HTTP Basic) or client_secret_post (in the form body).");
    put(
        ConfigKey.INTROSPECTION_AUDIENCES,
        "none (not checked)",
        "When set, the response's aud must name one of these.");
    put(
        ConfigKey.INTROSPECTION_TIMEOUT,
        duration(IntrospectionConfig.DEFAULT_TIMEOUT),
        "Deadline of one introspection call, connect to last byte.");
    put(
        ConfigKey.INTROSPECTION_CACHE_DURATION,
        duration(IntrospectionConfig.DEFAULT_CACHE_DURATION),
        "Longest time an active result is reused (never past the token's exp).");
    put(
        ConfigKey.INTROSPECTION_NEGATIVE_CACHE_DURATION,
        duration(IntrospectionConfig.DEFAULT_NEGATIVE_CACHE_DURATION),
        "How long an inactive or refused result is reused; also the Retry-After on failure.");
    put(
        ConfigKey.INTROSPECTION_CACHE_MAX_ENTRIES,
        Integer.toString(IntrospectionConfig.DEFAULT_CACHE_MAX_ENTRIES),
        "How many introspection results are remembered.");
    put(
        ConfigKey.DECRYPTION_KEYSTORE,
        "none (encrypted tokens refused)",
        "PKCS#12 key store of the keys that open encrypted tokens; alias = kid.");
    put(
        ConfigKey.DECRYPTION_KEYSTORE_PASSWORD,
        "none (required with a key store)",
        "Its password; never logged or printed.");
    put(
        ConfigKey.DECRYPTION_KEYSTORE_ALIASES,
        "every private-key entry",
        "Only these entries, in this order.");
    put(
        ConfigKey.DECRYPTION_PEM_KEYS,
        "none",
        "kid=path of unencrypted PKCS#8 PEM private keys, RSA or EC.");
    put(
        ConfigKey.DECRYPTION_KEY_ALGORITHMS,
        String.join(",", Decryption.DEFAULT_KEY_ALGORITHMS),
        "JWE alg values accepted; RSA1_5 never.");
    put(
        ConfigKey.DECRYPTION_CONTENT_ALGORITHMS,
        String.join(",", Decryption.DEFAULT_CONTENT_ALGORITHMS),
        "JWE enc values accepted.");
  }

  private static void protectedResource() {
    put(
        ConfigKey.RESOURCE,
        "none",
        "This API's resource identifier, an https URL; setting it serves RFC 9728 metadata at"
            + " /.well-known/oauth-protected-resource[/path] and names it in every challenge.");
    put(
        ConfigKey.MTLS_CERTIFICATE_HEADER,
        "none (the TLS handshake only)",
        "Header a TLS-terminating proxy puts the client certificate in, for certificate-bound"
            + " tokens (cnf.x5t#S256); needs mtls.trusted-proxies.");
    put(
        ConfigKey.MTLS_TRUSTED_PROXIES,
        "none",
        "IP addresses or CIDR blocks of the proxies whose certificate header is believed;"
            + " from any other address the header is ignored.");
  }

  private static void put(ConfigKey key, String defaultValue, String description) {
    ENTRIES.put(key, new Entry(defaultValue, description));
  }

  /** In the short form the settings accept: 30s, 10m, 24h. */
  static String duration(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
