package dev.gatehouse.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No source file of the project's main code is over 250 lines (docs/architecture.md): a class that
 * grows past it is doing two things, and is split before it is merged.
 */
class ClassSizeTest {

  static final int MOST_LINES = 250;

  @Test
  void noMainSourceFileOfAnyModuleIsOver250Lines() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .toList();
      assertFalse(sources.isEmpty(), "no main sources found under " + root);
      tooLong =
          sources.stream()
              .filter(p -> lines(p) > MOST_LINES)
              .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
              .toList();
    }
    assertEquals(List.of(), tooLong);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
