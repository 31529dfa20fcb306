package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a plain-http URL is on loopback is decided from its text alone. The attack: a host name
 * made only of hex letters ({@code cafe}, {@code dead}) looked like an IPv6 literal and was then
 * resolved, so a name that resolves to 127.0.0.1 once (a hosts file, a search domain, a rebinding
 * DNS answer) was allowed plain http, and later connections to it may go anywhere.
 *
 * <p>The JVM reads its hosts file once, so the check runs in a second JVM whose hosts file maps
 * {@code cafe} to 127.0.0.1, standing in for a resolver that says so.
 */
class LoopbackNamesTest {

  @Test
  void whenAHexLetterHostResolvesToLoopbackThenPlainHttpIsStillRefused(@TempDir Path dir)
      throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 cafe\n::1 beef\n");

    assertEquals("refused", check(hosts, "http://cafe:8080/"));
    assertEquals("refused", check(hosts, "http://beef:8080/"));
    assertEquals("accepted", check(hosts, "http://127.0.0.1:8080/"));
  }

  private static String check(Path hosts, String issuer) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Djdk.net.hosts.file=" + hosts,
                    "-cp",
                    System.getProperty("java.class.path"),
                    LoopbackCheck.class.getName(),
                    issuer))
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the check did not end");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /** Prints {@code accepted} or {@code refused} for the issuer URL in {@code args[0]}. */
  public static final class LoopbackCheck {
    public static void main(String[] args) {
      try {
        GatehouseConfig.forIssuer(args[0]).audiences("a").allowInsecureLoopbackHttp().build();
        System.out.println("accepted");
      } catch (IllegalArgumentException e) {
        System.out.println("refused");
      }
    }
  }
}
