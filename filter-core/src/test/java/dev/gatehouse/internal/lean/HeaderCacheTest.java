package dev.gatehouse.internal.lean;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast path's memory of protected headers: bounded, and one answer per header text. */
class HeaderCacheTest {

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }

  @Test
  void whenEverTokenBringsANewHeaderThenTheHeaderCacheStaysBounded() {
    HeaderCache cache = new HeaderCache(Set.of("RS256"));
    for (int i = 0; i < HeaderCache.MAX_HEADERS * 4; i++) {
      cache.get(b64("{\"alg\":\"RS256\",\"kid\":\"k" + i + "\"}"));
      assertTrue(cache.size() <= HeaderCache.MAX_HEADERS);
    }
  }

  @Test
  void whenTheSameHeaderComesAgainThenItIsNotReadAgain() {
    HeaderCache cache = new HeaderCache(Set.of("RS256"));
    String segment = b64("{\"alg\":\"RS256\",\"kid\":\"k\"}");
    Verdict<LeanHeader> first = cache.get(segment);
    assertInstanceOf(Verdict.Accepted.class, first);
    assertSame(first, cache.get(segment));
  }

  @Test
  void whenTheHeaderIsUnusualThenItIsUndecided() {
    HeaderCache cache = new HeaderCache(Set.of("RS256"));
    for (String header :
        Set.of(
            "{\"alg\":\"RS256\",\"crit\":[\"exp\"]}",
            "{\"alg\":\"RS384\"}",
            "{\"alg\":\"RS256\",\"kid\":5}",
            "{\"alg\":\"RS256\",\"typ\":\"id_token\"}",
            "{\"alg\":\"RS256\",\"cty\":\"JWT\"}",
            "not json")) {
      assertInstanceOf(Verdict.Undecided.class, cache.get(b64(header)), header);
    }
  }
}
