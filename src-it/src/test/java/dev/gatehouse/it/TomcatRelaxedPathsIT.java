package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.testing.RawHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Tomcat told to decode {@code %2F} into a separator ({@code encodedSolidusHandling=decode}), as
 * an application with slashes in its identifiers might need: the filter still refuses the spelling
 * unless it is allowed by name, and once allowed, the rules judge the path Tomcat decoded.
 */
class TomcatRelaxedPathsIT {

  private static final Map<String, String> DECODE_SLASHES =
      Map.of("encodedSolidusHandling", "decode");

  private static Map<String, String> settings(String allowed) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gatehouse.issuer", "http://127.0.0.1:9/");
    settings.put("gatehouse.audiences", ClientTokens.AUDIENCE);
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    settings.put("gatehouse.rules", "* /api/secret deny");
    settings.put("gatehouse.rules.default", "permit");
    if (allowed != null) {
      settings.put("gatehouse.allow-ambiguous-paths", allowed);
    }
    return settings;
  }

  @Test
  void whenOnlyTheContainerIsRelaxedThenTheFilterStillRefusesAnEncodedSlash() throws Exception {
    try (TomcatJaxRsHost host = new TomcatJaxRsHost(DECODE_SLASHES)) {
      URI app = host.start(settings(null));

      RawHttp.Response reply = RawHttp.get(app.getPort(), app.getRawPath() + "/api%2fsecret");

      assertEquals(400, reply.status(), reply::toString);
      assertEquals(Challenges.of(Rejection.AMBIGUOUS_PATH), reply.challenge(), reply::toString);
    }
  }

  @Test
  void whenBothAreRelaxedThenTheRuleJudgesTheDecodedPathAndTheDenyHolds() throws Exception {
    try (TomcatJaxRsHost host = new TomcatJaxRsHost(DECODE_SLASHES)) {
      URI app = host.start(settings("encoded-slash"));

      RawHttp.Response reply = RawHttp.get(app.getPort(), app.getRawPath() + "/api%2fsecret");

      assertEquals(403, reply.status(), reply::toString);
      assertEquals(Challenges.of(Rejection.PATH_DENIED), reply.challenge(), reply::toString);
      // Past the filter, but Jersey does not serve /api/hello for it: it routes on the request URI
      // as sent, which still says %2f. Two readings of one path, which is why the spelling is
      // refused until allowed by name.
      RawHttp.Response hello = RawHttp.get(app.getPort(), app.getRawPath() + "/api%2fhello");
      assertEquals(404, hello.status(), hello::toString);
      assertNull(hello.challenge(), hello::toString);
    }
  }
}
