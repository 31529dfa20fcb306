package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client-credentials tokens of the local provider look like Auth0's M2M tokens. */
class LocalProviderTest {

  private static LocalProvider provider;

  @BeforeAll
  static void start() {
    provider = LocalProvider.start();
  }

  @AfterAll
  static void stop() {
    provider.stop();
  }

  @Test
  void issuerWhenStartedThenLocalhostDefaultIssuerOnItsPort() {
    assertEquals("http://localhost:" + provider.port() + "/default", provider.issuer().toString());
    assertEquals(provider.issuer() + "/token", provider.tokenEndpoint().toString());
  }

  @Test
  void clientCredentialsTokenWhenAudienceAndScopeThenClaimsLikeAuth0() {
    String claims = payload(provider.clientCredentialsToken("m2m-app", "urn:test:api", "a:b c:d"));

    assertTrue(claims.contains("\"iss\":\"" + provider.issuer() + "\""), claims);
    assertTrue(claims.contains("\"sub\":\"m2m-app\""), claims);
    assertTrue(claims.contains("\"azp\":\"m2m-app\""), claims);
    assertTrue(claims.contains("\"aud\":\"urn:test:api\""), claims);
    assertTrue(claims.contains("\"scope\":\"a:b c:d\""), claims);
  }

  @Test
  void clientCredentialsTokenWhenNoScopeThenNoScopeClaim() {
    String claims = payload(provider.clientCredentialsToken("m2m-app", "urn:test:api", ""));

    assertFalse(claims.contains("\"scope\""), claims);
  }

  private static String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
  }
}
