package dev.gatehouse.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.PropertyLookup;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The receiver's settings as strings: required keys, defaults, ranges, and secrets kept out. */
class SignalsConfigTest {

  private static final String PUSH_SECRET = "push-secret-abcdefghijkl";
  private static final String POLL_SECRET = "poll-secret-abcdefghijkl";

  private static Map<String, String> minimal() {
    Map<String, String> m = new HashMap<>();
    m.put("gatehouse.signals.transmitter-issuer", "https://tx.example/");
    m.put("gatehouse.signals.jwks-uri", "https://tx.example/jwks");
    m.put("gatehouse.signals.audience", "https://api.example/signals");
    m.put("gatehouse.signals.token-issuer", "https://idp.example/");
    return m;
  }

  private static SignalsConfig bind(Map<String, String> settings) {
    return SignalsConfigBinder.bind(PropertyLookup.of(settings));
  }

  private static String refusal(Map<String, String> settings) {
    return assertThrows(IllegalArgumentException.class, () -> bind(settings)).getMessage();
  }

  @Test
  void whenOnlyTheRequiredKeysAreSetThenTheDefaultsHold() {
    SignalsConfig c = bind(minimal());

    assertEquals("https://tx.example/", c.transmitterIssuer());
    assertEquals(Optional.of(URI.create("https://tx.example/jwks")), c.jwksUri());
    assertEquals(List.of("RS256", "PS256", "ES256"), c.algorithms());
    assertFalse(c.acceptPlainJwt());
    assertEquals(Duration.ofHours(1), c.maxAge());
    assertEquals(Duration.ofHours(24), c.maxTokenLifetime());
    assertEquals(64 * 1024, c.maxBodyBytes());
    assertEquals(Optional.empty(), c.pushSecret());
    assertEquals(Optional.empty(), c.pollEndpoint());
    assertEquals(25, c.pollMaxEvents());
    assertEquals(Duration.ofSeconds(30), c.pollInterval());
    assertFalse(c.http().insecureLoopbackHttp());
  }

  @Test
  void whenEveryKeyIsSetThenEachIsRead() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.algorithms", "ES256, EdDSA");
    m.put("gatehouse.signals.accept-plain-jwt", "true");
    m.put("gatehouse.signals.max-age", "10m");
    m.put("gatehouse.signals.max-token-lifetime", "2h");
    m.put("gatehouse.signals.email-is-subject", "true");
    m.put("gatehouse.signals.max-body-bytes", "4096");
    m.put("gatehouse.signals.push-secret", PUSH_SECRET);
    m.put("gatehouse.signals.push-client-certificates", "A".repeat(43));
    m.put("gatehouse.signals.poll-endpoint", "https://tx.example/poll");
    m.put("gatehouse.signals.poll-secret", POLL_SECRET);
    m.put("gatehouse.signals.poll-max-events", "5");
    m.put("gatehouse.signals.poll-interval", "1m");
    m.put("gatehouse.allow-insecure-loopback-http", "true");

    SignalsConfig c = bind(m);

    assertEquals(List.of("ES256", "EdDSA"), c.algorithms());
    assertTrue(c.acceptPlainJwt());
    assertEquals(Duration.ofMinutes(10), c.maxAge());
    assertEquals(Duration.ofHours(2), c.maxTokenLifetime());
    assertTrue(c.emailIsSubject());
    assertEquals(4096, c.maxBodyBytes());
    assertEquals(Optional.of(PUSH_SECRET), c.pushSecret());
    assertEquals(Set.of("A".repeat(43)), c.pushClientCertificates());
    assertEquals(Optional.of(URI.create("https://tx.example/poll")), c.pollEndpoint());
    assertEquals(Optional.of(POLL_SECRET), c.pollSecret());
    assertEquals(5, c.pollMaxEvents());
    assertEquals(Duration.ofMinutes(1), c.pollInterval());
    assertTrue(c.http().insecureLoopbackHttp());
  }

  @Test
  void whenARequiredKeyIsMissingThenTheErrorNamesIt() {
    for (String key :
        List.of(
            "gatehouse.signals.transmitter-issuer",
            "gatehouse.signals.audience",
            "gatehouse.signals.token-issuer")) {
      Map<String, String> m = minimal();
      m.remove(key);
      assertTrue(refusal(m).startsWith(key), key);
    }
  }

  @Test
  void whenNoJwksUriIsSetThenTheTransmittersConfigurationWillNameIt() {
    Map<String, String> m = minimal();
    m.remove("gatehouse.signals.jwks-uri");

    assertEquals(Optional.empty(), bind(m).jwksUri());
  }

  @Test
  void whenASymmetricAlgorithmIsConfiguredThenTheConfigurationIsRefused() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.algorithms", "RS256 HS256");

    assertTrue(refusal(m).contains("HS256"));
  }

  @Test
  void whenASecretIsTooShortThenTheErrorDoesNotShowIt() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.push-secret", "short-secret");

    String message = refusal(m);

    assertTrue(message.startsWith("gatehouse.signals.push-secret"), message);
    assertFalse(message.contains("short-secret"), message);
  }

  @Test
  void whenAPollEndpointHasNoSecretThenTheConfigurationIsRefused() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.poll-endpoint", "https://tx.example/poll");

    assertTrue(refusal(m).startsWith("gatehouse.signals.poll-secret"));
  }

  @Test
  void whenAThumbprintIsMalformedOrAValueOutOfRangeThenTheErrorNamesTheKey() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.push-client-certificates", "not-a-thumbprint");
    assertTrue(refusal(m).startsWith("gatehouse.signals.push-client-certificates"));

    for (String[] bad :
        new String[][] {
          {"gatehouse.signals.max-age", "10s"},
          {"gatehouse.signals.max-token-lifetime", "90d"},
          {"gatehouse.signals.max-body-bytes", "10"},
          {"gatehouse.signals.poll-max-events", "0"},
          {"gatehouse.signals.poll-interval", "100ms"},
          {"gatehouse.signals.accept-plain-jwt", "yes"}
        }) {
      Map<String, String> one = minimal();
      one.put(bad[0], bad[1]);
      assertTrue(refusal(one).startsWith(bad[0]), bad[0]);
    }
  }

  @Test
  void whenPrintedThenNoSecretShows() {
    Map<String, String> m = minimal();
    m.put("gatehouse.signals.push-secret", PUSH_SECRET);
    m.put("gatehouse.signals.poll-endpoint", "https://tx.example/poll");
    m.put("gatehouse.signals.poll-secret", POLL_SECRET);

    String printed = bind(m).toString();

    assertFalse(printed.contains(PUSH_SECRET));
    assertFalse(printed.contains(POLL_SECRET));
    assertTrue(printed.contains("https://tx.example/"));
  }
}
