package dev.gatehouse.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK of version 21 or later for a server that needs one: the one running the tests if it is,
 * else the newest in the machine's JVM folder ({@code /usr/lib/jvm}, read from each JDK's {@code
 * release} file).
 */
final class Java21 {

  static final int MINIMUM = 21;

  private Java21() {}

  static Optional<Path> find() {
    if (Runtime.version().feature() >= MINIMUM) {
      return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> feature(home) >= MINIMUM)
          .max((a, b) -> Integer.compare(feature(a), feature(b)))
          .map(home -> home.resolve("bin/java"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version in {@code JAVA_VERSION="25.0.3"}, or 0 when it cannot be read. */
  private static int feature(Path home) {
    Properties release = new Properties();
    try (InputStream in = Files.newInputStream(home.resolve("release"))) {
      release.load(in);
    } catch (IOException e) {
      return 0;
    }
    String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
    try {
      return Integer.parseInt(version.split("[.+-]")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
