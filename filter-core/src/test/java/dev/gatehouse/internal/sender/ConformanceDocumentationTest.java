package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every test docs/conformance.md names exists, so the table cannot point at nothing. */
class ConformanceDocumentationTest {

  private static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9_.]*)(\\.\\*)?`");

  @Test
  void whenTheConformanceTableNamesATestThenItExists() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "conformance.md"));
    String sources = sources();
    List<String> missing = new ArrayList<>();
    int named = 0;
    Matcher m = NAME.matcher(page);
    while (m.find()) {
      for (String part : m.group(1).split("\\.")) {
        if (isTestMethod(part)) {
          named++;
          if (!sources.contains("void " + part + "(")) {
            missing.add(part);
          }
        } else if (isTestClass(part) && !sources.contains("class " + part + " ")) {
          missing.add(part);
        }
      }
    }
    assertTrue(named > 50, "the page names the tests: " + named);
    assertTrue(missing.isEmpty(), "named in docs/conformance.md but not found: " + missing);
  }

  private static boolean isTestMethod(String part) {
    return part.matches("(when|the|a|each|remove|normal)[A-Z]\\w+") || part.equals("normalForm");
  }

  /** Test classes and their nested groups: capitalised, no dots, not an RFC term. */
  private static boolean isTestClass(String part) {
    return part.endsWith("Test")
        || part.endsWith("IT")
        || List.of(
                "Acceptance",
                "Shape",
                "Type",
                "Algorithm",
                "KeyAndSignature",
                "Claims",
                "KeyBinding",
                "Replay",
                "Nonces",
                "Settings",
                "Schemes",
                "Proofs",
                "PathPolicy",
                "Scopes",
                "Introspected")
            .contains(part);
  }

  /** filter-core's tests, and the integration tests in src-it that run in real containers. */
  private static String sources() throws IOException {
    Path integration = Path.of("..", "src-it", "src", "test", "java");
    return sources(Path.of("src", "test", "java", "dev", "gatehouse"))
        + (Files.isDirectory(integration) ? sources(integration) : "");
  }

  private static String sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(
              f -> {
                try {
                  return Files.readString(f);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .collect(Collectors.joining("\n"));
    }
  }
}
