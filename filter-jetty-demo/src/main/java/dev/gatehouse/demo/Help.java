package dev.gatehouse.demo;

import static dev.gatehouse.GatehouseConfig.DEFAULT_CLOCK_SKEW;
import static dev.gatehouse.GatehouseConfig.DEFAULT_CONNECT_TIMEOUT;
import static dev.gatehouse.GatehouseConfig.DEFAULT_KEY_CACHE_DURATION;
import static dev.gatehouse.GatehouseConfig.DEFAULT_KEY_REFRESH_COOLDOWN;
import static dev.gatehouse.GatehouseConfig.DEFAULT_KEY_RETENTION;
import static dev.gatehouse.GatehouseConfig.DEFAULT_READ_TIMEOUT;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.login.LoginConfig;
import dev.gatehouse.login.LoginKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** The text of {@code --help}: endpoints, the three ways to choose a provider, every setting. */
final class Help {

  private record Entry(String defaultValue, String description) {}

  private static final int WIDTH = 92;
  private static final String INDENT = "      ";
  private static final Map<ConfigKey, Entry> GATEHOUSE = new EnumMap<>(ConfigKey.class);

  static {
    put(ConfigKey.ISSUER, "the local provider",
        "Issuer the token's iss must equal; a bare host such as tenant.auth0.com means"
            + " https://tenant.auth0.com/. Setting it trusts that provider instead of the local"
            + " one.");
    put(ConfigKey.AUDIENCES, DemoSettings.LOCAL_AUDIENCE + " (offline only)",
        "Audiences, one of which the token's aud must contain (the API identifier).");
    put(ConfigKey.JWKS_URI, "from discovery",
        "JWKS URL to use instead of the jwks_uri of the discovery document.");
    put(ConfigKey.PUBLIC_KEY, "none",
        "A PEM public key or JWKS JSON to verify with; nothing is fetched.");
    put(ConfigKey.PUBLIC_KEY_LOCATION, "none",
        "File, file: URL or classpath: resource holding that key; an https URL is a JWKS URL.");
    put(ConfigKey.ALGORITHMS, String.join(",", new TreeSet<>(GatehouseConfig.DEFAULT_ALGORITHMS)),
        "The only JWS algorithms accepted; HMAC and none are never accepted.");
    put(ConfigKey.CLOCK_SKEW, duration(DEFAULT_CLOCK_SKEW),
        "Tolerance for exp, nbf and iat (at most 5m).");
    put(ConfigKey.REQUIRED_SCOPES, "none",
        "Scopes every /api request needs, on top of the per-endpoint ones.");
    put(ConfigKey.SCOPE_CLAIMS, String.join(",", GatehouseConfig.DEFAULT_SCOPE_CLAIMS),
        "Claims whose values count as scopes (Auth0 RBAC writes permissions).");
    put(ConfigKey.REALM, GatehouseConfig.DEFAULT_REALM,
        "realm of the WWW-Authenticate challenge.");
    put(ConfigKey.ALLOW_QUERY_TOKEN, "false",
        "Also accept ?access_token= (risky: URLs end up in logs and Referer headers).");
    put(ConfigKey.ALLOW_FORM_TOKEN, "false",
        "Also accept an access_token field in a form-encoded POST body.");
    put(ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP, "false (true offline)",
        "Allow plain http provider URLs on localhost, 127.x.x.x and [::1] only.");
    put(ConfigKey.MAX_TOKEN_LENGTH, Integer.toString(GatehouseConfig.DEFAULT_MAX_TOKEN_LENGTH),
        "Longest token accepted, in characters; longer ones get 400 unparsed.");
    put(ConfigKey.CONNECT_TIMEOUT, duration(DEFAULT_CONNECT_TIMEOUT),
        "Connect timeout for discovery and JWKS requests.");
    put(ConfigKey.READ_TIMEOUT, duration(DEFAULT_READ_TIMEOUT),
        "Read timeout for discovery and JWKS requests.");
    put(ConfigKey.HTTP_DEADLINE, duration(GatehouseConfig.DEFAULT_HTTP_DEADLINE),
        "Whole discovery or JWKS exchange, connect to last byte; redirects are never followed.");
    put(ConfigKey.MAX_RESPONSE_BYTES, Integer.toString(GatehouseConfig.DEFAULT_MAX_RESPONSE_BYTES),
        "Largest discovery or JWKS response read.");
    put(ConfigKey.KEY_CACHE_DURATION, duration(DEFAULT_KEY_CACHE_DURATION),
        "How long keys are kept when the JWKS response has no Cache-Control.");
    put(ConfigKey.KEY_REFRESH_COOLDOWN, duration(DEFAULT_KEY_REFRESH_COOLDOWN),
        "Least time between JWKS fetches for unknown keys or after failures.");
    put(ConfigKey.KEY_RETENTION, duration(DEFAULT_KEY_RETENTION),
        "How long the last good keys keep working while the JWKS endpoint fails.");
  }

  private Help() {}

  static String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        Gatehouse demo: a small API on embedded Jetty, protected by GatehouseFilter.

        Usage: java -jar filter-jetty-demo-0.1.0-SNAPSHOT-all.jar [--help]

        Endpoints (on 127.0.0.1)
          GET  /health       public
          GET  /api/me       any valid token: who called, with which scopes, until when
          GET  /api/orders   needs scope read:orders
          POST /api/orders   needs scope write:orders
          GET  /app          browser sign-in (offline, or with gatehouse.login.client-id):
                             the signed-in user's subject and claims, and a logout button

        Whose tokens it accepts
          offline (default)  starts a local OpenID provider on 127.0.0.1 and trusts it;
                             the start-up message shows curl lines to try
          Auth0              AUTH0_DOMAIN and AUTH0_AUDIENCE (see docs/auth0.md)
          another provider   GATEHOUSE_ISSUER and GATEHOUSE_AUDIENCES

        Settings are read through MicroProfile Config: a system property (-Dname=value) wins
        over the environment variable shown in brackets.

        """);
    out.append("Demo\n");
    setting(out, DemoSettings.PORT, Integer.toString(DemoSettings.DEFAULT_PORT),
        "Port of the API on 127.0.0.1; 0 picks any free port.");
    setting(out, DemoSettings.PROVIDER_PORT, "0 (any free port)",
        "Port of the local provider, offline only.");
    setting(out, OrderService.CAPACITY, OrderService.DEFAULT_CAPACITY,
        "How many recent orders are kept in memory; injected into the CDI bean OrderService"
            + " with @ConfigProperty.");
    out.append("\nAuth0\n");
    setting(out, DemoSettings.AUTH0_DOMAIN, "none",
        "Tenant domain, e.g. your-tenant.eu.auth0.com; setting it trusts that tenant.");
    setting(out, DemoSettings.AUTH0_AUDIENCE, "none",
        "Identifier of the API in Auth0, e.g. urn:apigee:target:api; required with the domain.");
    setting(out, DemoSettings.AUTH0_CLIENT_ID, "none",
        "Client id of the machine-to-machine application, shown in the token curl line.");
    setting(out, DemoSettings.AUTH0_CLIENT_SECRET, "none",
        "Its secret; never printed, the curl line reads $AUTH0_CLIENT_SECRET from your shell.");
    out.append("\nBrowser login on /app (see docs/login.md; offline it is always on)\n");
    setting(out, LoginKey.CLIENT_ID.property(), "none (" + DemoLogin.LOCAL_CLIENT_ID + " offline)",
        "Client id of the Regular Web Application; setting it turns the login on with Auth0 or"
            + " another provider.");
    setting(out, LoginKey.CLIENT_SECRET.property(), "none",
        "Its client secret; read from the configuration only, never printed.");
    setting(out, LoginKey.SCOPES.property(), String.join(" ", LoginConfig.DEFAULT_SCOPES),
        "Scopes to request; add offline_access for a refresh token.");
    setting(out, LoginKey.AUDIENCE.property(), "the API's audience",
        "Auth0 audience parameter: the API the user's access token is for.");
    setting(out, LoginKey.CLIENT_AUTHENTICATION.property(), "client-secret-basic",
        "client-secret-basic or client-secret-post at the token endpoint.");
    out.append(INDENT).append("Paths are fixed in the demo: ").append(DemoLogin.CALLBACK_PATH)
        .append(" (Allowed Callback URL), ").append(DemoLogin.LOGOUT_PATH).append(", ")
        .append(DemoLogin.SIGNED_OUT_PATH).append(" (Allowed Logout URL).\n");
    out.append("\nGatehouse filter (see docs/configuration.md)\n");
    for (ConfigKey key : ConfigKey.values()) {
      Entry entry = GATEHOUSE.getOrDefault(key, new Entry("see GatehouseConfig", ""));
      String alias = key.microProfileAlias().map(a -> " Also read as " + a + ".").orElse("");
      setting(out, key.property(), entry.defaultValue(), entry.description() + alias);
    }
    return out.toString();
  }

  private static void setting(StringBuilder out, String name, String defaultValue, String text) {
    out.append("  ")
        .append(name)
        .append("  [")
        .append(DemoSettings.environmentVariable(name))
        .append("]  default: ")
        .append(defaultValue)
        .append('\n');
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + word.length() >= WIDTH - INDENT.length()) {
        out.append(INDENT).append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      out.append(INDENT).append(line).append('\n');
    }
  }

  private static void put(ConfigKey key, String defaultValue, String description) {
    GATEHOUSE.put(key, new Entry(defaultValue, description));
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
