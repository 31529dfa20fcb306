package dev.gatehouse.demo;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.internal.config.MicroProfileLookup;
import dev.gatehouse.login.LoginConfig;
import dev.gatehouse.login.LoginConfigBinder;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's settings, read through one {@link PropertyLookup}: MicroProfile Config when run, so a
 * system property ({@code -Ddemo.port=9090}) wins over an environment variable ({@code
 * DEMO_PORT=9090}). The {@code gatehouse.*} settings go through the core's {@link ConfigBinder};
 * the demo only fills in the issuer and audience of the provider it chose (see {@link #mode()}).
 */
final class DemoSettings {

  static final String PORT = "demo.port";
  static final int DEFAULT_PORT = 8080;
  static final String PROVIDER_PORT = "demo.provider-port";
  static final String AUTH0_DOMAIN = "auth0.domain";
  static final String AUTH0_AUDIENCE = "auth0.audience";
  static final String AUTH0_CLIENT_ID = "auth0.client-id";
  static final String AUTH0_CLIENT_SECRET = "auth0.client-secret";

  /** The audience the offline demo's API identifies itself with, as an Auth0 API identifier. */
  static final String LOCAL_AUDIENCE = "demo-api";

  /** Which provider's tokens the demo accepts. */
  enum Mode {
    /** Neither Auth0 nor an issuer is configured: start the local provider and trust it. */
    LOCAL,
    /** {@code AUTH0_DOMAIN} is set: trust that Auth0 tenant for {@code AUTH0_AUDIENCE}. */
    AUTH0,
    /** {@code GATEHOUSE_ISSUER} is set: trust that provider, configured by gatehouse.* alone. */
    CONFIGURED
  }

  private final PropertyLookup lookup;

  DemoSettings(PropertyLookup lookup) {
    this.lookup = lookup.trimmed();
  }

  /**
   * @throws IllegalStateException when no MicroProfile Config implementation is on the class path
   */
  static DemoSettings fromMicroProfile() {
    return new DemoSettings(
        MicroProfileLookup.load(DemoSettings.class.getClassLoader())
            .orElseThrow(
                () -> new IllegalStateException("no MicroProfile Config implementation found")));
  }

  /** The environment-variable form MicroProfile Config maps a property name to. */
  static String environmentVariable(String property) {
    return ConfigKey.environmentVariable(property);
  }

  int port() {
    return port(PORT, DEFAULT_PORT);
  }

  int providerPort() {
    return port(PROVIDER_PORT, 0);
  }

  /**
   * @throws IllegalArgumentException when both an Auth0 tenant and a plain issuer are configured
   */
  Mode mode() {
    boolean auth0 = lookup.get(AUTH0_DOMAIN).isPresent();
    boolean issuer = isSet(ConfigKey.ISSUER);
    if (auth0 && issuer) {
      throw new IllegalArgumentException(
          both(AUTH0_DOMAIN, ConfigKey.ISSUER.property()) + ": choose one way to name the issuer");
    }
    return auth0 ? Mode.AUTH0 : issuer ? Mode.CONFIGURED : Mode.LOCAL;
  }

  /** Trusts the local provider at {@code issuer}; audience {@value #LOCAL_AUDIENCE} if not set. */
  GatehouseConfig localConfig(URI issuer) {
    Map<String, String> fixed = new HashMap<>();
    fixed.put(ConfigKey.ISSUER.property(), issuer.toString());
    // The local provider speaks plain http on 127.0.0.1; other hosts still need https.
    fixed.put(ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP.property(), "true");
    if (!isSet(ConfigKey.AUDIENCES)) {
      fixed.put(ConfigKey.AUDIENCES.property(), LOCAL_AUDIENCE);
    }
    return bind(fixed);
  }

  /** The audience of the local provider's browser logins: the first configured, else demo-api. */
  String localUserAudience() {
    return lookup
        .get(ConfigKey.AUDIENCES.property())
        .map(v -> v.split("[,\\s]+")[0])
        .filter(v -> !v.isEmpty())
        .orElse(LOCAL_AUDIENCE);
  }

  /**
   * The browser login on {@code /app} against a configured provider: on when {@code
   * gatehouse.login.*} settings are given (at least the client id and secret of a confidential
   * client), with the demo's paths, and {@code audience} unless it or {@code resource} is set.
   */
  Optional<LoginConfig> login(String audience) {
    LoginConfigBinder probe = new LoginConfigBinder(lookup);
    if (!probe.isConfigured()) {
      return Optional.empty();
    }
    // The paths are the demo's own (its servlets are mapped there); the audience is a default.
    Map<String, String> fixed = new HashMap<>();
    fixed.put(ConfigKey.LOGIN_REDIRECT_PATH.property(), DemoLogin.CALLBACK_PATH);
    fixed.put(ConfigKey.LOGIN_PATHS.property(), DemoLogin.LOGIN_PATHS);
    fixed.put(ConfigKey.LOGIN_LOGOUT_PATH.property(), DemoLogin.LOGOUT_PATH);
    fixed.put(ConfigKey.LOGIN_POST_LOGOUT_REDIRECT.property(), DemoLogin.SIGNED_OUT_PATH);
    PropertyLookup paths = key -> Optional.ofNullable(fixed.get(key));
    // A provider that is told the API by RFC 8707 resource gets no Auth0 audience next to it.
    boolean resources = lookup.get(ConfigKey.LOGIN_RESOURCE.property()).isPresent();
    PropertyLookup defaults =
        key ->
            key.equals(ConfigKey.LOGIN_AUDIENCE.property()) && !resources
                ? Optional.of(audience)
                : Optional.empty();
    return Optional.of(new LoginConfigBinder(paths.orElse(lookup).orElse(defaults)).bind());
  }

  /** Trusts the Auth0 tenant {@code AUTH0_DOMAIN} for the API {@code AUTH0_AUDIENCE}. */
  GatehouseConfig auth0Config() {
    if (isSet(ConfigKey.AUDIENCES)) {
      throw new IllegalArgumentException(
          both(AUTH0_AUDIENCE, ConfigKey.AUDIENCES.property()) + ": choose one");
    }
    return bind(
        Map.of(
            ConfigKey.ISSUER.property(), auth0Domain(),
            ConfigKey.AUDIENCES.property(), auth0Audience()));
  }

  /** Trusts the provider the {@code gatehouse.*} settings describe, nothing added. */
  GatehouseConfig configuredConfig() {
    return bind(Map.of());
  }

  /** The tenant's host name, e.g. {@code your-tenant.eu.auth0.com}, from whatever was written. */
  String auth0Domain() {
    String raw = required(AUTH0_DOMAIN, "the tenant's domain, e.g. your-tenant.eu.auth0.com");
    String host = raw.replaceFirst("(?i)^https://", "").replaceFirst("/+$", "");
    if (host.isEmpty() || host.contains("/") || host.contains(":") || host.contains("?")) {
      throw new IllegalArgumentException(
          describe(AUTH0_DOMAIN)
              + ": '"
              + raw
              + "' is not a tenant domain; write only the host, e.g. your-tenant.eu.auth0.com");
    }
    return host;
  }

  String auth0Audience() {
    return required(
        AUTH0_AUDIENCE, "the Identifier of the API in Auth0, e.g. https://api.example.com");
  }

  Optional<String> auth0ClientId() {
    return lookup.get(AUTH0_CLIENT_ID);
  }

  /** Only whether it is set: the secret itself is never read into anything printed. */
  boolean auth0ClientSecretSet() {
    return lookup.get(AUTH0_CLIENT_SECRET).isPresent();
  }

  private GatehouseConfig bind(Map<String, String> given) {
    Map<String, String> fixed = new HashMap<>(given);
    // The DPoP-required endpoint and the admin one, unless the operator writes the rules.
    if (!isSet(ConfigKey.RULES) && lookup.get(ConfigKey.RULE_PREFIX + "1").isEmpty()) {
      fixed.put(ConfigKey.RULES.property(), DemoServer.DPOP_RULE + "\n" + DemoServer.ADMIN_RULE);
    }
    PropertyLookup overrides = key -> Optional.ofNullable(fixed.get(key));
    return new ConfigBinder(overrides.orElse(lookup)).bind();
  }

  private boolean isSet(ConfigKey key) {
    return lookup.get(key.property()).isPresent()
        || key.microProfileAlias().flatMap(lookup::get).isPresent();
  }

  private int port(String property, int fallback) {
    Optional<String> value = lookup.get(property);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        describe(property) + ": '" + value.get() + "' is not a port (0 to 65535, 0 = any free)");
  }

  private String required(String property, String what) {
    return lookup
        .get(property)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    describe(property) + ": required to use an Auth0 tenant: " + what));
  }

  private static String describe(String property) {
    return property + " (env " + environmentVariable(property) + ")";
  }

  private static String both(String one, String other) {
    return describe(one) + " and " + describe(other) + " are both set";
  }
}
