package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scope split gives what the regular expression it replaced gave. */
class ScopeSplitTest {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final String CHARS = "ab: \t\n\u000b\f\r\u0001\u001f\u00a0\u2003x";

  private static Set<String> byRegex(String s) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : WHITESPACE.split(s.trim())) {
      if (!scope.isEmpty()) {
        scopes.add(scope);
      }
    }
    return scopes;
  }

  @Test
  void whenScopeStringsAreSplitThenTheWordsAreTheRegularExpressionsWords() {
    Random random = new Random(11);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        s.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
      Set<String> byHand = new LinkedHashSet<>();
      ScopeValues.addScopes(s.toString(), byHand);
      assertEquals(
          byRegex(s.toString()),
          byHand,
          () -> "scope string " + s.toString().chars().boxed().toList());
    }
  }
}
