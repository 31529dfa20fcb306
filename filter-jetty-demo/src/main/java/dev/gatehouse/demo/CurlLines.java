package dev.gatehouse.demo;

import java.net.URI;

/**
 * The start-up message: which provider is trusted, then ready-to-paste {@code curl} lines for bash:
 * get a token with the client-credentials grant, a call that succeeds, one refused for a missing
 * scope, one without a token. Never contains a token or a secret.
 */
final class CurlLines {

  static final String LOCAL_CLIENT_ID = "demo-client";

  /** Shows the status line and headers, and ends the body with a newline for the prompt. */
  private static final String CURL = "curl -i -w '\\n' ";

  /** Pulls {@code access_token} out of the token response without needing jq. */
  static final String EXTRACT_TOKEN =
      "  | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')\n";

  private CurlLines() {}

  static String local(URI api, URI tokenEndpoint, URI issuer, String audience) {
    return header(api, "the local OpenID provider " + issuer + " (offline mode)", audience)
        + "# 1. Get an access token with the client-credentials grant, as Auth0's\n"
        + "#    machine-to-machine flow does. Any client id and secret work here.\n"
        + "#    This token carries read:orders only.\n"
        + "TOKEN=$(curl -s "
        + tokenEndpoint
        + " \\\n"
        + "  -d grant_type=client_credentials -d client_id="
        + LOCAL_CLIENT_ID
        + " -d client_secret=local-secret \\\n"
        + "  --data-urlencode "
        + shell("audience=" + audience)
        + " --data-urlencode 'scope=read:orders' \\\n"
        + EXTRACT_TOKEN
        + "\n"
        + calls(api, "403 insufficient_scope, as this token lacks it")
        + "\n# A token that may also write: the same request with"
        + " --data-urlencode 'scope=read:orders write:orders'\n"
        + "\n# DPoP (RFC 9449): "
        + api
        + DpopDemoClient.PATH
        + " takes only a token bound to the\n"
        + "# client's key, with a proof signed per request; curl cannot sign, so the demo has a\n"
        + "# client that does (from the repository root, after mvn package):\n"
        + "java -cp filter-jetty-demo/target/filter-jetty-demo-0.1.0-SNAPSHOT-all.jar "
        + DpopDemoClient.class.getName()
        + " "
        + api
        + " "
        + tokenEndpoint
        + "\n"
        + footer();
  }

  static String auth0(URI api, String domain, String audience, String clientId, boolean secretSet) {
    String id =
        clientId == null ? "\"client_id=$AUTH0_CLIENT_ID\"" : shell("client_id=" + clientId);
    return header(api, "the Auth0 tenant https://" + domain + "/", audience)
        + "# 1. Get an access token from Auth0 with the client-credentials grant, using the\n"
        + "#    machine-to-machine application authorized for this API (docs/auth0.md).\n"
        + (secretSet
            ? "#    The secret comes from $AUTH0_CLIENT_SECRET in your shell; it is never printed.\n"
            : "#    First: export AUTH0_CLIENT_SECRET=... from the application's Settings tab.\n")
        + (clientId == null ? "#    Also: export AUTH0_CLIENT_ID=... from the same tab.\n" : "")
        + "TOKEN=$(curl -s https://"
        + domain
        + "/oauth/token \\\n"
        + "  -d grant_type=client_credentials -d "
        + id
        + " -d \"client_secret=$AUTH0_CLIENT_SECRET\" \\\n"
        + "  --data-urlencode "
        + shell("audience=" + audience)
        + " \\\n"
        + EXTRACT_TOKEN
        + "\n"
        + calls(api, "403 insufficient_scope unless the application was granted write:orders")
        + footer();
  }

  static String configured(URI api, URI issuer, String audience) {
    return header(api, issuer.toString(), audience)
        + "# 1. Get an access token for the audience above from that provider, then:\n"
        + "TOKEN=...\n\n"
        + calls(api, "403 insufficient_scope unless the token carries write:orders")
        + footer();
  }

  private static String header(URI api, String trusted, String audience) {
    return "\nGatehouse demo listening on "
        + api
        + "\n"
        + "Accepting tokens from "
        + trusted
        + " for audience "
        + audience
        + "\n\n"
        + "Try it (bash):\n\n";
  }

  private static String calls(URI api, String forbiddenOutcome) {
    return "# 2. Succeeds: 200 with the caller, its scopes and the expiry; 200 with the orders\n"
        + CURL
        + api
        + "/api/me -H \"Authorization: Bearer $TOKEN\"\n"
        + CURL
        + api
        + "/api/orders -H \"Authorization: Bearer $TOKEN\"\n"
        + "\n"
        + "# 3. Placing an order needs write:orders: "
        + forbiddenOutcome
        + "\n"
        + CURL
        + api
        + "/api/orders -H \"Authorization: Bearer $TOKEN\" -d item=tea\n"
        + "\n"
        + "# 4. No token: 401 with a bare challenge, WWW-Authenticate: Bearer realm=\"api\"\n"
        + CURL
        + api
        + "/api/orders\n"
        + "\n"
        + "# Public, no token needed: "
        + CURL
        + api
        + "/health\n";
  }

  private static String footer() {
    return "# Stop with Ctrl+C. Every setting: --help\n";
  }

  /** Quotes for bash unless the value is plainly safe. */
  static String shell(String value) {
    if (value.matches("[A-Za-z0-9_:/.@%+=,-]+")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
