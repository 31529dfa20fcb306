package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps docs/hazelcast.md honest: every key, its environment variable and its default. */
class HazelcastKeyTest {

  @Test
  void everyKeyHasADefaultAndARowInTheDocumentation() throws IOException {
    Path file = moduleDir().resolve("../docs/hazelcast.md").normalize();
    assertTrue(Files.isRegularFile(file), "missing " + file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    for (HazelcastKey key : HazelcastKey.values()) {
      assertTrue(key.property().startsWith(HazelcastKey.PREFIX), key.property());
      if (key.defaultValue().isEmpty() && key != HazelcastKey.INSTANCE_NAME) {
        problems.add(key + " has no default");
      }
      String shown = key.defaultValue().isEmpty() ? "(none)" : key.defaultValue();
      String cells = "| `" + key.property() + "` | `" + key.environmentVariable() + "` | ";
      boolean row =
          lines.stream()
              .anyMatch(
                  l ->
                      l.startsWith(cells) && l.contains("| `" + shown + "` |")
                          || l.startsWith(cells)
                              && shown.equals("(none)")
                              && l.contains("| (none) |"));
      if (!row) {
        problems.add("no row '" + cells + "... " + shown + " ...'");
      }
    }
    assertEquals(List.of(), problems, "docs/hazelcast.md, settings table");
  }

  /** Surefire runs with {@code basedir} = the module directory. */
  private static Path moduleDir() {
    String basedir = System.getProperty("basedir");
    return basedir == null || basedir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(basedir);
  }
}
