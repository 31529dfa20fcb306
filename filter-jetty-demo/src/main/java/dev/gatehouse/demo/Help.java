package dev.gatehouse.demo;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.login.LoginConfigBinder;

/** The text of {@code --help}: endpoints, the three ways to choose a provider, every setting. */
final class Help {

  private static final int WIDTH = 92;
  private static final String INDENT = "      ";

  private Help() {}

  static String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        Gatehouse demo: a small API on embedded Jetty, protected by GatehouseFilter.

        Usage: java -jar filter-jetty-demo-0.1.0-SNAPSHOT-all.jar [--help | --provider-only]

        --provider-only starts only the local OpenID provider (port: DEMO_PROVIDER_PORT), to test
        your own WAR on Tomcat or Jetty; it prints the two settings and a token request.

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
          Keycloak           GATEHOUSE_ISSUER=https://<host>/realms/<realm> and
                             GATEHOUSE_AUDIENCES (see docs/keycloak.md)
          another provider   GATEHOUSE_ISSUER and GATEHOUSE_AUDIENCES

        Settings are read through MicroProfile Config: a system property (-Dname=value) wins
        over the environment variable shown in brackets.

        """);
    out.append("Demo\n");
    setting(
        out,
        DemoSettings.PORT,
        Integer.toString(DemoSettings.DEFAULT_PORT),
        "Port of the API on 127.0.0.1; 0 picks any free port.");
    setting(
        out,
        DemoSettings.PROVIDER_PORT,
        "0 (any free port)",
        "Port of the local provider, offline only.");
    setting(
        out,
        OrderService.CAPACITY,
        OrderService.DEFAULT_CAPACITY,
        "How many recent orders are kept in memory; injected into the CDI bean OrderService"
            + " with @ConfigProperty.");
    out.append("\nAuth0\n");
    setting(
        out,
        DemoSettings.AUTH0_DOMAIN,
        "none",
        "Tenant domain, e.g. your-tenant.eu.auth0.com; setting it trusts that tenant.");
    setting(
        out,
        DemoSettings.AUTH0_AUDIENCE,
        "none",
        "Identifier of the API in Auth0, e.g. https://api.example.com; required with the domain.");
    setting(
        out,
        DemoSettings.AUTH0_CLIENT_ID,
        "none",
        "Client id of the machine-to-machine application, shown in the token curl line.");
    setting(
        out,
        DemoSettings.AUTH0_CLIENT_SECRET,
        "none",
        "Its secret; never printed, the curl line reads $AUTH0_CLIENT_SECRET from your shell.");
    out.append(
        "\nBrowser login on /app with your OpenID provider (see docs/login.md;"
            + " offline it is always on)\n");
    for (ConfigKey key : ConfigKey.values()) {
      if (isLogin(key)) {
        FilterSettingsHelp.Entry entry = FilterSettingsHelp.of(key).orElseThrow();
        setting(out, key.property(), entry.defaultValue(), entry.description());
      }
    }
    out.append(
        "\nShared Signals receiver, SetReceiverServlet (see docs/shared-signals.md;"
            + " the demo does not register it)\n");
    for (ConfigKey key : ConfigKey.values()) {
      if (SignalsSettingsHelp.isSignals(key)) {
        FilterSettingsHelp.Entry entry = FilterSettingsHelp.of(key).orElseThrow();
        setting(out, key.property(), entry.defaultValue(), entry.description());
      }
    }
    out.append("\nGatehouse filter (see docs/configuration.md)\n");
    for (ConfigKey key : ConfigKey.values()) {
      if (isLogin(key) || SignalsSettingsHelp.isSignals(key)) {
        continue;
      }
      FilterSettingsHelp.Entry entry =
          FilterSettingsHelp.of(key)
              .orElseThrow(() -> new IllegalStateException(key + " has no --help entry"));
      String alias = key.microProfileAlias().map(a -> " Also read as " + a + ".").orElse("");
      setting(out, key.property(), entry.defaultValue(), entry.description() + alias);
    }
    return out.toString();
  }

  private static boolean isLogin(ConfigKey key) {
    return LoginConfigBinder.KEYS.contains(key);
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
}
