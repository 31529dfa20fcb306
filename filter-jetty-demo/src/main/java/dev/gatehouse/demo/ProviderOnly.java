package dev.gatehouse.demo;

import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --provider-only}: the local OpenID provider alone, for testing one's own WAR on Tomcat or
 * Jetty against it. No API is started, so port 8080 stays free for the container.
 */
final class ProviderOnly {

  /** The example audience in the printed token request; the provider issues whatever is asked. */
  static final String EXAMPLE_AUDIENCE = "https://api.example.com";

  private ProviderOnly() {}

  /** Runs until Ctrl+C. */
  static void run(DemoSettings settings) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    LocalProvider provider = LocalProvider.start(settings.providerPort(), EXAMPLE_AUDIENCE);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  provider.stop();
                  stopped.countDown();
                }));
    System.out.println(instructions(provider.issuer(), provider.tokenEndpoint()));
    stopped.await();
  }

  /** What to export for the container and how to get a token; never a token or a secret. */
  static String instructions(URI issuer, URI tokenEndpoint) {
    return "\nLocal OpenID provider "
        + issuer
        + " (provider only; no API started)\n\n"
        + "# 1. Before starting Tomcat or Jetty with your WAR (audience in its web.xml):\n"
        + "export GATEHOUSE_ISSUER="
        + issuer
        + "\n"
        + "export GATEHOUSE_ALLOW_INSECURE_LOOPBACK_HTTP=true\n\n"
        + "# 2. A token for your API: put your audience and scopes in; any client id and\n"
        + "#    secret work here.\n"
        + "TOKEN=$(curl -s "
        + tokenEndpoint
        + " \\\n"
        + "  -d grant_type=client_credentials -d client_id=my-client -d client_secret=any \\\n"
        + "  --data-urlencode audience="
        + EXAMPLE_AUDIENCE
        + " --data-urlencode 'scope=read:orders' \\\n"
        + CurlLines.EXTRACT_TOKEN
        + "\n# 3. Call your API with it:\n"
        + "curl -i -w '\\n' http://localhost:8080/your-app/api/... -H \"Authorization: Bearer"
        + " $TOKEN\"\n\n"
        + "# Stop with Ctrl+C. Choose the port with DEMO_PROVIDER_PORT (any free port by default).\n";
  }
}
