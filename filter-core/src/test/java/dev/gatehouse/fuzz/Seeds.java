package dev.gatehouse.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The seed inputs Jazzer replays in regression mode, read the same way for the seeded tests. */
final class Seeds {

  private Seeds() {}

  /** Every file under {@code <package>/<TestClass>Inputs/} on the test class path, sorted. */
  static List<byte[]> load(Class<?> fuzzTest) {
    URL dir = fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs");
    if (dir == null) {
      throw new IllegalStateException("no seed inputs for " + fuzzTest.getSimpleName());
    }
    try (Stream<Path> files = Files.walk(Path.of(dir.toURI()))) {
      List<byte[]> seeds = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        seeds.add(Files.readAllBytes(file));
      }
      seeds.add(new byte[0]);
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
