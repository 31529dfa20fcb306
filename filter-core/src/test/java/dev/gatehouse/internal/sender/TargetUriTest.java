package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How htu and the request URI are compared: RFC 3986 section 6.2.2 and 6.2.3, no query. */
class TargetUriTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // scheme and host are case-insensitive, the path is not
        "HTTPS://API.Example.Test/Orders | https://api.example.test/Orders",
        // the scheme's default port is the same as none
        "https://api.example.test:443/a | https://api.example.test/a",
        "http://api.example.test:80/a | http://api.example.test/a",
        "https://api.example.test:80/a | https://api.example.test:80/a",
        "http://api.example.test:443/a | http://api.example.test:443/a",
        // an empty path is /
        "https://api.example.test | https://api.example.test/",
        "https://api.example.test:443 | https://api.example.test/",
        // dot segments (section 5.2.4)
        "https://api.example.test/a/./b/../c | https://api.example.test/a/c",
        "https://api.example.test/a/b/.. | https://api.example.test/a/",
        "https://api.example.test/a/b/. | https://api.example.test/a/b/",
        "https://api.example.test/../../a | https://api.example.test/a",
        "https://api.example.test/a/%2E%2E/b | https://api.example.test/b",
        // escapes of unreserved characters decoded, the rest in upper-case hex
        "https://api.example.test/%7Euser/%41 | https://api.example.test/~user/A",
        "https://api.example.test/a%2fb | https://api.example.test/a%2Fb",
        "https://api.example.test/caf%c3%a9 | https://api.example.test/caf%C3%A9",
        // query and fragment are not part of the comparison
        "https://api.example.test/a?b=c#d | https://api.example.test/a",
        "https://api.example.test/a# | https://api.example.test/a",
        // IP literals
        "https://[::1]:8443/a | https://[::1]:8443/a",
        "https://127.0.0.1:443/a | https://127.0.0.1/a",
      })
  void normalForm(String uri, String expected) {
    assertEquals(Optional.of(expected), TargetUri.normalize(uri));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/orders/7",
        "api.example.test/orders",
        "ftp://api.example.test/a",
        "urn:example:a",
        "https:opaque",
        "https://user:pw@api.example.test/a",
        "https://api.example.test/a b",
        "https://api.example.test/%zz",
        "https:///a",
        "",
      })
  void whenTheValueIsNoHttpTargetThenItHasNoNormalForm(String uri) {
    assertEquals(Optional.empty(), TargetUri.normalize(uri));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/a/b/c/./../../g | /a/g",
        "mid/content=5/../6 | mid/6",
        "./a | a",
        "../a | a",
        ". | /",
        ".. | /",
        "/.. | /",
      })
  void removeDotSegmentsFollowsTheRfcExamples(String path, String expected) {
    assertEquals(expected, TargetUri.removeDotSegments(path));
  }
}
