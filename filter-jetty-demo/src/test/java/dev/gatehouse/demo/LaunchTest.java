package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LaunchTest {

  private static final URI API = URI.create("http://127.0.0.1:8080");

  private static DemoSettings settings(Map<String, String> values) {
    return new DemoSettings(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void prepareWhenNothingSetThenLocalProviderTrustedAndItsTokenEndpointPrinted() {
    try (Launch launch = Launch.prepare(settings(Map.of()))) {
      String issuer = launch.config().issuer().toString();

      assertTrue(issuer.matches("http://localhost:\\d+/default"), issuer);
      assertEquals(Set.of("demo-api"), launch.config().audiences());
      assertTrue(launch.instructions(API).contains("TOKEN=$(curl -s " + issuer + "/token"));
    }
  }

  @Test
  void prepareWhenAuth0ThenTenantTrustedAndSecretNeverPrinted() {
    Map<String, String> values =
        Map.of(
            "auth0.domain", "my-tenant.auth0.com",
            "auth0.audience", "urn:apigee:target:api",
            "auth0.client-id", "abc123",
            "auth0.client-secret", "s3cr3t-value");

    try (Launch launch = Launch.prepare(settings(values))) {
      String text = launch.instructions(API);

      assertEquals(URI.create("https://my-tenant.auth0.com/"), launch.config().issuer());
      assertTrue(text.contains("https://my-tenant.auth0.com/oauth/token"), text);
      assertFalse(text.contains("s3cr3t-value"), text);
    }
  }

  @Test
  void mainWhenHelpThenListsSettingsAndReturns() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      DemoServer.main(new String[] {"--help"});
    } finally {
      System.setOut(original);
    }

    String help = captured.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("demo.port  [DEMO_PORT]  default: 8080"), help);
    assertTrue(help.contains("gatehouse.issuer  [GATEHOUSE_ISSUER]"), help);
  }
}
