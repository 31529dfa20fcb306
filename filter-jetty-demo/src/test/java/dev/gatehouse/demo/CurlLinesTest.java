package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CurlLinesTest {

  private static final URI API = URI.create("http://127.0.0.1:8080");

  @Test
  void localWhenPrintedThenTokenRequestWithAudienceAndScopeThenTheThreeOutcomes() {
    String text =
        CurlLines.local(
            API,
            URI.create("http://localhost:5555/default/token"),
            URI.create("http://localhost:5555/default"),
            "demo-api");

    assertTrue(text.contains("TOKEN=$(curl -s http://localhost:5555/default/token"), text);
    assertTrue(text.contains("-d grant_type=client_credentials"), text);
    assertTrue(text.contains("--data-urlencode audience=demo-api"), text);
    assertTrue(text.contains("--data-urlencode 'scope=read:orders'"), text);
    assertTrue(text.contains("http://127.0.0.1:8080/api/me -H \"Authorization: Bearer $TOKEN\""));
    assertTrue(text.contains("/api/orders -H \"Authorization: Bearer $TOKEN\" -d item=tea"));
    assertTrue(text.contains("curl -i -w '\\n' http://127.0.0.1:8080/api/orders\n"), text);
  }

  @Test
  void auth0WhenSecretSetThenItIsReadFromTheShellNeverPrinted() {
    String text =
        CurlLines.auth0(API, "my-tenant.auth0.com", "urn:apigee:target:api", "abc123", true);

    assertTrue(text.contains("https://my-tenant.auth0.com/oauth/token"), text);
    assertTrue(text.contains("-d client_id=abc123"), text);
    assertTrue(text.contains("\"client_secret=$AUTH0_CLIENT_SECRET\""), text);
    assertTrue(text.contains("--data-urlencode audience=urn:apigee:target:api"), text);
  }

  @Test
  void auth0WhenClientIdUnknownThenShellVariableAndExportHint() {
    String text = CurlLines.auth0(API, "t.auth0.com", "api", null, false);

    assertTrue(text.contains("\"client_id=$AUTH0_CLIENT_ID\""), text);
    assertTrue(text.contains("export AUTH0_CLIENT_SECRET="), text);
  }

  @Test
  void shellWhenUnsafeCharactersThenSingleQuoted() {
    assertEquals("audience=urn:a:b", CurlLines.shell("audience=urn:a:b"));
    assertEquals("'audience=my api'", CurlLines.shell("audience=my api"));
    assertEquals("'a=it'\\''s'", CurlLines.shell("a=it's"));
    assertEquals("'a=$(rm)'", CurlLines.shell("a=$(rm)"));
  }
}
