package dev.gatehouse.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jose4j.http.SimpleResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP GET used for discovery and JWKS: only 200, a size limit, a clamped cache lifetime. */
class BoundedHttpGetTest {

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private BoundedHttpGet http;

  @BeforeEach
  void start() {
    http =
        new BoundedHttpGet(
            OutboundLimits.builder()
                .maxResponseBytes(8 * 1024)
                .readTimeout(Duration.ofMillis(500))
                .build(true),
            KeyPolicy.builder().refreshCooldown(Duration.ofSeconds(30)).build());
  }

  private List<String> cacheControl() throws IOException {
    SimpleResponse response = http.get(provider.jwksUri().toString());
    return response.getHeaderValues("Cache-Control");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "max-age=0 | max-age=30",
        "no-store | max-age=30",
        "no-cache, max-age=600 | max-age=30",
        "public, max-age=5 | max-age=30",
        "max-age=oops | max-age=30",
        "max-age=600 | max-age=600",
        "public, max-age=31536000 | max-age=86400",
      })
  void whenTheProviderSendsCacheControlThenTheLifetimeIsClampedBetweenCooldownAndOneDay(
      String sent, String seen) throws IOException {
    provider.cacheControl(sent);

    assertEquals(List.of(seen), cacheControl());
  }

  @Test
  void whenTheProviderSendsNoCacheControlThenNoneIsInvented() throws IOException {
    assertNull(cacheControl());
  }

  @Test
  void whenTheStatusIsNot200ThenItFails() {
    provider.jwksMode(Mode.FAIL);

    assertThrows(IOException.class, () -> http.get(provider.jwksUri().toString()));
  }

  @Test
  void whenThePathIsUnknownThenItFails() {
    assertThrows(IOException.class, () -> http.get(provider.uri("/nothing-here").toString()));
  }

  @Test
  void whenTheBodyIsLargerThanTheLimitThenItFails() {
    provider.jwksMode(Mode.OVERSIZED);

    assertThrows(IOException.class, () -> http.get(provider.jwksUri().toString()));
  }

  @Test
  void whenTheServerHangsThenItFailsAfterTheReadTimeout() {
    provider.jwksMode(Mode.HANG);
    long start = System.nanoTime();

    assertThrows(IOException.class, () -> http.get(provider.jwksUri().toString()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
  }
}
