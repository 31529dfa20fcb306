package dev.gatehouse.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenID provider on a free 127.0.0.1 port, for tests: discovery, a JWKS with RS256, PS256,
 * ES256 and EdDSA keys generated at start, a token endpoint for client credentials, and RFC 7662
 * introspection. A test controls it: {@link #rotateKeys()}, {@link #takeJwksDown()}, {@link
 * #clock()}. Usually run by {@link GatehouseTestExtension}; usable alone with try-with-resources.
 */
public final class LocalOpenIdProvider implements AutoCloseable {

  public static final String DEFAULT_CLIENT_ID = "test-client";
  public static final String DEFAULT_CLIENT_SECRET = "test-secret";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<String> audiences;
  private final ProviderKeys keys = new ProviderKeys();
  private final ProviderClock clock = new ProviderClock();
  private final ProviderHandlers handlers;
  private final ProviderServer server;
  private final String issuer;

  private LocalOpenIdProvider(List<String> audiences) throws IOException {
    this.audiences = List.copyOf(audiences);
    this.handlers = new ProviderHandlers(this, keys);
    handlers.clients().put(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    server = new ProviderServer();
    issuer = "http://127.0.0.1:" + server.port();
    server.route("/.well-known/openid-configuration", "GET", handlers::discovery);
    server.route("/jwks", "GET", handlers::jwks);
    server.route("/token", "POST", handlers::token);
    server.route("/introspect", "POST", handlers::introspect);
    server.start();
  }

  /** Starts a provider whose tokens are for {@code audiences} (at least one). */
  public static LocalOpenIdProvider start(String... audiences) {
    if (audiences.length == 0) {
      throw new IllegalArgumentException("the provider needs the audience of the API under test");
    }
    try {
      return new LocalOpenIdProvider(List.of(audiences));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public List<String> audiences() {
    return audiences;
  }

  public URI discoveryUri() {
    return URI.create(issuer + "/.well-known/openid-configuration");
  }

  public URI jwksUri() {
    return URI.create(issuer + "/jwks");
  }

  public URI tokenEndpoint() {
    return URI.create(issuer + "/token");
  }

  public URI introspectionEndpoint() {
    return URI.create(issuer + "/introspect");
  }

  public Tokens tokens() {
    return new Tokens(keys, clock, issuer, audiences);
  }

  /** The provider's time; {@code clock().advance(...)} moves it. */
  public ProviderClock clock() {
    return clock;
  }

  /** Lets another client use the token and introspection endpoints. */
  public void registerClient(String clientId, String clientSecret) {
    handlers.clients().put(clientId, clientSecret);
  }

  /**
   * New keys for every algorithm; the previous ones stay in the JWKS, as during a real rollover.
   */
  public void rotateKeys() {
    keys.rotate();
  }

  /** Removes the keys replaced by {@link #rotateKeys()} from the JWKS. */
  public void withdrawRetiredKeys() {
    keys.withdrawRetired();
  }

  /** The JWKS answers 503 until {@link #bringJwksBack()}; discovery and tokens keep working. */
  public void takeJwksDown() {
    handlers.jwksDown(true);
  }

  public void bringJwksBack() {
    handlers.jwksDown(false);
  }

  /**
   * The whole provider goes away: its port refuses connections (discovery, JWKS, token,
   * introspection) until {@link #bringBack()}, as when its host is down.
   */
  public void takeDown() {
    server.stopListening();
  }

  /** Listens again on the same port, so the same issuer URL works again. */
  public void bringBack() {
    server.listenAgain();
  }

  /** How often the JWKS was asked for: shows whether the application cached or refetched keys. */
  public int jwksRequests() {
    return handlers.jwksRequests().get();
  }

  /** How often the discovery document was asked for: shows whether the application caches it. */
  public int discoveryRequests() {
    return handlers.discoveryRequests().get();
  }

  /**
   * How often the introspection endpoint was called, answered or not: shows whether the application
   * cached an introspection result.
   */
  public int introspectionRequests() {
    return handlers.introspectionRequests().get();
  }

  /**
   * An opaque token (random, not a JWT) standing for {@code token}'s claims: only the introspection
   * endpoint knows what it means, so it tests an application configured for introspection.
   */
  public String opaqueToken(TokenBuilder token) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String value = "opaque-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    handlers.opaque().put(value, token.claims());
    return value;
  }

  /** Introspection answers {@code active: false} for this token from now on. */
  public void revoke(String token) {
    handlers.revoked().add(token);
  }

  /**
   * Back to a healthy provider (listening, JWKS up) at the system's time, no revocations. Rotated
   * keys stay rotated.
   */
  public void reset() {
    server.listenAgain();
    handlers.jwksDown(false);
    handlers.revoked().clear();
    clock.reset();
  }

  /**
   * What the application under test needs to trust this provider, as Gatehouse keys: issuer,
   * audiences, every algorithm the provider signs with, and plain HTTP to loopback. Usable as
   * filter init-params, system properties or MicroProfile Config.
   */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gatehouse.issuer", issuer);
    settings.put("gatehouse.audiences", String.join(",", audiences));
    settings.put("gatehouse.algorithms", "RS256,PS256,ES256,EdDSA");
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    return settings;
  }

  /**
   * {@link #settings()} plus introspection of opaque tokens at this provider with {@code clientId}
   * (registered here with {@code clientSecret}) and HTTP Basic client authentication.
   */
  public Map<String, String> settingsWithIntrospection(String clientId, String clientSecret) {
    registerClient(clientId, clientSecret);
    Map<String, String> settings = settings();
    settings.put("gatehouse.introspection.endpoint", introspectionEndpoint().toString());
    settings.put("gatehouse.introspection.client-id", clientId);
    settings.put("gatehouse.introspection.client-secret", clientSecret);
    return settings;
  }

  /**
   * The API's key that {@link TokenBuilder#encrypted()} encrypts tokens to (RSA 2048, {@code kid}
   * {@code enc-1}); give Gatehouse its private half, or use {@link #settingsWithDecryption(Path)}.
   */
  public EncryptionKey encryptionKey() {
    return keys.encryption();
  }

  /**
   * {@link #settings()} plus decryption of encrypted access tokens with {@link #encryptionKey()}:
   * its private key is written as PEM into {@code directory} (a test's temporary directory) and
   * named by {@code gatehouse.decryption.pem-keys}.
   */
  public Map<String, String> settingsWithDecryption(Path directory) {
    EncryptionKey key = encryptionKey();
    Path pem = key.writePrivateKeyPem(directory.resolve(key.kid() + ".pem"));
    Map<String, String> settings = settings();
    settings.put("gatehouse.decryption.pem-keys", key.kid() + "=" + pem.toAbsolutePath());
    return settings;
  }

  /** {@link #settings()} as environment variables ({@code GATEHOUSE_ISSUER}...) for a process. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    settings()
        .forEach((k, v) -> env.put(k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), v));
    return env;
  }

  @Override
  public void close() {
    server.close();
  }
}
