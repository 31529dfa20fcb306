package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page a login returns to is a path on this origin, whatever the request looked like. */
class ReturnTargetTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/app",
        "/shop/app/orders?sort=new&x=%2F%2Fevil.example",
        "/app/a%5Cb",
        "/app?next=https://x"
      })
  void sanitiseWhenSameOriginPathThenKept(String target) {
    assertEquals(Optional.of(target), ReturnTarget.sanitise(target));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/app",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "http:evil.example",
        "javascript:alert(1)",
        "evil.example/app",
        "/app\r\nLocation: https://evil.example",
        "/app\tx",
        "/app x",
        "/app/\u00e9",
        ""
      })
  void sanitiseWhenAnotherOriginOrUnsafeThenRefused(String target) {
    assertTrue(ReturnTarget.sanitise(target).isEmpty(), target);
  }

  @ParameterizedTest
  @ValueSource(ints = {ReturnTarget.MAX_LENGTH + 1, 100_000})
  void sanitiseWhenOverlongThenRefused(int length) {
    assertTrue(ReturnTarget.sanitise("/" + "a".repeat(length - 1)).isEmpty());
  }
}
