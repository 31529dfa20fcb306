package dev.gatehouse.config;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every setting Gatehouse reads, with the MicroProfile JWT name that means the same thing, if any.
 * The environment-variable form follows MicroProfile Config: upper case, non-alphanumerics become
 * {@code _} ({@code gatehouse.http.read-timeout} is {@code GATEHOUSE_HTTP_READ_TIMEOUT}).
 */
public enum ConfigKey {
  ISSUER("gatehouse.issuer", "mp.jwt.verify.issuer"),
  AUDIENCES("gatehouse.audiences", "mp.jwt.verify.audiences"),
  JWKS_URI("gatehouse.jwks-uri", null),
  PUBLIC_KEY("gatehouse.public-key", "mp.jwt.verify.publickey"),
  PUBLIC_KEY_LOCATION("gatehouse.public-key-location", "mp.jwt.verify.publickey.location"),
  ALGORITHMS("gatehouse.algorithms", "mp.jwt.verify.publickey.algorithm"),
  CLOCK_SKEW("gatehouse.clock-skew", "mp.jwt.verify.clock.skew"),
  REQUIRED_SCOPES("gatehouse.required-scopes", null),
  SCOPE_CLAIMS("gatehouse.scope-claims", null),
  PRINCIPAL_CLAIM("gatehouse.principal-claim", null),
  REALM("gatehouse.realm", null),
  ALLOW_QUERY_TOKEN("gatehouse.allow-query-token", null),
  ALLOW_FORM_TOKEN("gatehouse.allow-form-token", null),
  ALLOW_INSECURE_LOOPBACK_HTTP("gatehouse.allow-insecure-loopback-http", null),
  MAX_TOKEN_LENGTH("gatehouse.max-token-length", null),
  CONNECT_TIMEOUT("gatehouse.http.connect-timeout", null),
  READ_TIMEOUT("gatehouse.http.read-timeout", null),
  HTTP_DEADLINE("gatehouse.http.deadline", null),
  MAX_RESPONSE_BYTES("gatehouse.http.max-response-bytes", null),
  KEY_CACHE_DURATION("gatehouse.jwks.cache-duration", null),
  KEY_REFRESH_COOLDOWN("gatehouse.jwks.refresh-cooldown", null),
  KEY_RETENTION("gatehouse.jwks.retain-on-error", null),
  UNKNOWN_KID_FETCHES("gatehouse.jwks.unknown-kid-fetches-per-minute", null),
  TOKEN_CACHE_MAX_ENTRIES("gatehouse.token-cache.max-entries", null),
  TOKEN_CACHE_MAX_BYTES("gatehouse.token-cache.max-bytes", null),
  ISSUERS("gatehouse.issuers", null),
  RULES("gatehouse.rules", null),
  RULES_DEFAULT("gatehouse.rules.default", null),
  CORS_PREFLIGHT("gatehouse.cors-preflight", null),
  ALLOW_AMBIGUOUS_PATHS("gatehouse.allow-ambiguous-paths", null),
  CLIENTS_ALLOWED("gatehouse.clients.allowed", null),
  CLIENTS_DENIED("gatehouse.clients.denied", null),
  IDENTITY_HEADERS("gatehouse.identity-headers", null),
  IDENTITY_HEADERS_SUBJECT("gatehouse.identity-headers.subject", null),
  IDENTITY_HEADERS_SCOPES("gatehouse.identity-headers.scopes", null),
  IDENTITY_HEADERS_CLIENT_ID("gatehouse.identity-headers.client-id", null),
  INTROSPECTION_ENDPOINT("gatehouse.introspection.endpoint", null),
  INTROSPECTION_CLIENT_ID("gatehouse.introspection.client-id", null),
  INTROSPECTION_CLIENT_SECRET("gatehouse.introspection.client-secret", null),
  INTROSPECTION_CLIENT_AUTH("gatehouse.introspection.client-auth", null),
  INTROSPECTION_AUDIENCES("gatehouse.introspection.audiences", null),
  INTROSPECTION_TIMEOUT("gatehouse.introspection.timeout", null),
  INTROSPECTION_CACHE_DURATION("gatehouse.introspection.cache-duration", null),
  INTROSPECTION_NEGATIVE_CACHE_DURATION("gatehouse.introspection.negative-cache-duration", null),
  INTROSPECTION_CACHE_MAX_ENTRIES("gatehouse.introspection.cache-max-entries", null),
  INTROSPECTION_JWTS("gatehouse.introspection.jwts", null),
  INTROSPECTION_JWT_CACHE_DURATION("gatehouse.introspection.jwt-cache-duration", null),
  // DPoP (RFC 9449): the scheme, its proofs, and the URI they name behind a proxy.
  DPOP("gatehouse.dpop", null),
  DPOP_ALGORITHMS("gatehouse.dpop.algorithms", null),
  DPOP_PROOF_MAX_AGE("gatehouse.dpop.proof-max-age", null),
  DPOP_NONCE("gatehouse.dpop.nonce", null),
  DPOP_NONCE_SLOT("gatehouse.dpop.nonce-slot", null),
  DPOP_NONCE_ROTATION("gatehouse.dpop.nonce-rotation", null),
  DPOP_REPLAY_MAX_ENTRIES("gatehouse.dpop.replay-max-entries", null),
  PUBLIC_BASE_URL("gatehouse.public-base-url", null),
  // Shared state (issue 17): which store, and what a check does while it cannot be reached.
  STORE("gatehouse.store", null),
  STORE_UNAVAILABLE("gatehouse.store.unavailable", null),
  METRICS_JMX("gatehouse.metrics.jmx", null),
  METRICS_MICROMETER("gatehouse.metrics.micrometer", null),
  RESOURCE("gatehouse.resource", null),
  MTLS_CERTIFICATE_HEADER("gatehouse.mtls.certificate-header", null),
  MTLS_TRUSTED_PROXIES("gatehouse.mtls.trusted-proxies", null),
  // The Shared Signals receiver (dev.gatehouse.signals): read only when SetReceiverServlet is used.
  SIGNALS_TRANSMITTER_ISSUER("gatehouse.signals.transmitter-issuer", null),
  SIGNALS_JWKS_URI("gatehouse.signals.jwks-uri", null),
  SIGNALS_AUDIENCE("gatehouse.signals.audience", null),
  SIGNALS_TOKEN_ISSUER("gatehouse.signals.token-issuer", null),
  SIGNALS_ALGORITHMS("gatehouse.signals.algorithms", null),
  SIGNALS_ACCEPT_PLAIN_JWT("gatehouse.signals.accept-plain-jwt", null),
  SIGNALS_MAX_AGE("gatehouse.signals.max-age", null),
  SIGNALS_MAX_TOKEN_LIFETIME("gatehouse.signals.max-token-lifetime", null),
  SIGNALS_EMAIL_IS_SUBJECT("gatehouse.signals.email-is-subject", null),
  SIGNALS_MAX_BODY_BYTES("gatehouse.signals.max-body-bytes", null),
  SIGNALS_PUSH_SECRET("gatehouse.signals.push-secret", null),
  SIGNALS_PUSH_CLIENT_CERTIFICATES("gatehouse.signals.push-client-certificates", null),
  SIGNALS_POLL_ENDPOINT("gatehouse.signals.poll-endpoint", null),
  SIGNALS_POLL_SECRET("gatehouse.signals.poll-secret", null),
  SIGNALS_POLL_MAX_EVENTS("gatehouse.signals.poll-max-events", null),
  SIGNALS_POLL_INTERVAL("gatehouse.signals.poll-interval", null),
  // Encrypted access tokens (nested JWTs): read only when a decryption key is configured.
  DECRYPTION_KEYSTORE("gatehouse.decryption.keystore", null),
  DECRYPTION_KEYSTORE_PASSWORD("gatehouse.decryption.keystore-password", null),
  DECRYPTION_KEYSTORE_ALIASES("gatehouse.decryption.keystore-aliases", null),
  DECRYPTION_PEM_KEYS("gatehouse.decryption.pem-keys", null),
  DECRYPTION_KEY_ALGORITHMS("gatehouse.decryption.key-algorithms", null),
  DECRYPTION_CONTENT_ALGORITHMS("gatehouse.decryption.content-algorithms", null),
  // The browser login (dev.gatehouse.login): read only when GatehouseLoginFilter is used.
  LOGIN_CLIENT_ID("gatehouse.login.client-id", null),
  LOGIN_CLIENT_SECRET("gatehouse.login.client-secret", null),
  LOGIN_REDIRECT_PATH("gatehouse.login.redirect-path", null),
  LOGIN_PATHS("gatehouse.login.paths", null),
  LOGIN_LOGOUT_PATH("gatehouse.login.logout-path", null),
  LOGIN_POST_LOGOUT_REDIRECT("gatehouse.login.post-logout-redirect", null),
  LOGIN_SCOPES("gatehouse.login.scopes", null),
  LOGIN_AUDIENCE("gatehouse.login.audience", null),
  LOGIN_RESOURCE("gatehouse.login.resource", null),
  LOGIN_UNAUTHENTICATED_ACTION("gatehouse.login.unauthenticated-action", null),
  LOGIN_CLIENT_AUTHENTICATION("gatehouse.login.client-authentication", null),
  LOGIN_CONNECT_TIMEOUT("gatehouse.login.connect-timeout", null),
  LOGIN_REQUEST_TIMEOUT("gatehouse.login.request-timeout", null),
  LOGIN_TIMEOUT("gatehouse.login.login-timeout", null),
  LOGIN_REFRESH_AHEAD("gatehouse.login.refresh-ahead", null),
  LOGIN_PUBLIC_BASE_URL("gatehouse.login.public-base-url", null),
  LOGIN_ALLOWED_HOSTS("gatehouse.login.allowed-hosts", null),
  LOGIN_SECURE_COOKIE("gatehouse.login.secure-cookie", null),
  LOGIN_ISSUER("gatehouse.login.issuer", null);

  /** {@code gatehouse.issuers.<name>.<setting>}: one of several trusted issuers. */
  public static final String ISSUER_PREFIX = "gatehouse.issuers.";

  /** {@code gatehouse.rules.<n>}: one rule per numbered key, applied in numeric order. */
  public static final String RULE_PREFIX = "gatehouse.rules.";

  /** {@code gatehouse.required-claims.<claim>=<value>[,<value>]}. */
  public static final String REQUIRED_CLAIM_PREFIX = "gatehouse.required-claims.";

  private final String property;
  private final @Nullable String microProfileAlias;

  ConfigKey(String property, @Nullable String microProfileAlias) {
    this.property = property;
    this.microProfileAlias = microProfileAlias;
  }

  public String property() {
    return property;
  }

  public Optional<String> microProfileAlias() {
    return Optional.ofNullable(microProfileAlias);
  }

  public String environmentVariable() {
    return environmentVariable(property);
  }

  /**
   * The environment-variable form MicroProfile Config maps a property name to ({@code
   * gatehouse.http.deadline} is {@code GATEHOUSE_HTTP_DEADLINE}); the one copy of that rule, for
   * names built at run time too.
   */
  public static String environmentVariable(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
