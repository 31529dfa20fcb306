package dev.gatehouse.test;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/** The four endpoints: discovery, JWKS, token (client credentials) and introspection. */
final class ProviderHandlers {

  private final LocalOpenIdProvider provider;
  private final ProviderKeys keys;
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Map<String, JwtClaims> opaque = new ConcurrentHashMap<>();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final AtomicInteger introspectionRequests = new AtomicInteger();
  private final AtomicInteger discoveryRequests = new AtomicInteger();
  private volatile boolean jwksDown;

  ProviderHandlers(LocalOpenIdProvider provider, ProviderKeys keys) {
    this.provider = provider;
    this.keys = keys;
  }

  Map<String, String> clients() {
    return clients;
  }

  Set<String> revoked() {
    return revoked;
  }

  /** Opaque tokens by value: introspection is the only way to learn what they mean. */
  Map<String, JwtClaims> opaque() {
    return opaque;
  }

  AtomicInteger jwksRequests() {
    return jwksRequests;
  }

  AtomicInteger introspectionRequests() {
    return introspectionRequests;
  }

  AtomicInteger discoveryRequests() {
    return discoveryRequests;
  }

  void jwksDown(boolean down) {
    jwksDown = down;
  }

  void discovery(HttpExchange exchange) throws IOException {
    discoveryRequests.incrementAndGet();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", provider.issuer());
    doc.put("jwks_uri", provider.jwksUri().toString());
    doc.put("token_endpoint", provider.tokenEndpoint().toString());
    doc.put("introspection_endpoint", provider.introspectionEndpoint().toString());
    doc.put("grant_types_supported", List.of("client_credentials"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    doc.put("response_types_supported", List.of("token"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256", "PS256", "ES256", "EdDSA"));
    ProviderEndpoints.json(exchange, 200, doc);
  }

  void jwks(HttpExchange exchange) throws IOException {
    jwksRequests.incrementAndGet();
    if (jwksDown) {
      // What an outage looks like from outside: the provider answers, but not with keys.
      ProviderEndpoints.error(exchange, 503, "temporarily_unavailable");
      return;
    }
    ProviderEndpoints.json(exchange, 200, keys.jwksJson());
  }

  void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = ProviderEndpoints.form(exchange);
    Optional<String> client = authenticated(exchange, form);
    if (client.isEmpty()) {
      ProviderEndpoints.error(exchange, 401, "invalid_client");
      return;
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      ProviderEndpoints.error(exchange, 400, "unsupported_grant_type");
      return;
    }
    TokenBuilder token = provider.tokens().valid().subject(client.get()).clientId(client.get());
    List<String> scopes = ProviderEndpoints.words(form.get("scope"));
    token.scopes(scopes.toArray(String[]::new));
    // Auth0's audience or RFC 8707's resource chooses the API; otherwise the provider's default.
    String audience = form.getOrDefault("audience", form.get("resource"));
    if (audience != null) {
      token.audiences(audience);
    }
    Duration lifetime = Duration.ofMinutes(5);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.expiresIn(lifetime).build());
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    if (!scopes.isEmpty()) {
      body.put("scope", String.join(" ", scopes));
    }
    ProviderEndpoints.json(exchange, 200, body);
  }

  /**
   * RFC 7662: active only for a token this provider signed, unexpired by its clock, not revoked.
   */
  void introspect(HttpExchange exchange) throws IOException {
    introspectionRequests.incrementAndGet();
    Map<String, String> form = ProviderEndpoints.form(exchange);
    if (authenticated(exchange, form).isEmpty()) {
      ProviderEndpoints.error(exchange, 401, "invalid_client");
      return;
    }
    String token = form.get("token");
    Map<String, Object> body = new LinkedHashMap<>();
    Optional<JwtClaims> claims =
        token == null || revoked.contains(token) ? Optional.empty() : verify(token);
    body.put("active", claims.isPresent());
    claims.ifPresent(c -> body.putAll(c.getClaimsMap()));
    claims.ifPresent(c -> body.put("token_type", "Bearer"));
    ProviderEndpoints.json(exchange, 200, body);
  }

  private Optional<JwtClaims> unexpired(JwtClaims claims) {
    try {
      NumericDate exp = claims.getExpirationTime();
      return exp != null && exp.getValueInMillis() > provider.clock().millis()
          ? Optional.of(claims)
          : Optional.empty();
    } catch (MalformedClaimException e) {
      return Optional.empty();
    }
  }

  private Optional<String> authenticated(HttpExchange exchange, Map<String, String> form) {
    return ProviderEndpoints.client(exchange, form)
        .filter(c -> clients.containsKey(c[0]))
        // Compared in constant time, as a real provider must (the kit's tests show the habit).
        .filter(c -> MessageDigest.isEqual(utf8(c[1]), utf8(clients.get(c[0]))))
        .map(c -> c[0]);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Optional<JwtClaims> verify(String token) {
    JwtClaims known = opaque.get(token);
    if (known != null) {
      return unexpired(known);
    }
    JsonWebKeySet published = new JsonWebKeySet(keys.published());
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setExpectedIssuer(provider.issuer())
            .setSkipDefaultAudienceValidation()
            .setRequireExpirationTime()
            .setEvaluationTime(NumericDate.fromMilliseconds(provider.clock().millis()))
            .setVerificationKeyResolver(
                (JsonWebSignature jws, List<JsonWebStructure> nesting) -> {
                  try {
                    return new VerificationJwkSelector()
                        .select(jws, published.getJsonWebKeys())
                        .getKey();
                  } catch (JoseException | NullPointerException e) {
                    throw new UnresolvableKeyException("unknown key", e);
                  }
                })
            .build();
    try {
      return Optional.of(consumer.processToClaims(token));
    } catch (Exception e) {
      // Anything that does not verify is simply not active (RFC 7662 2.2); never an error.
      return Optional.empty();
    }
  }
}
