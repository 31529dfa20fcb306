package dev.gatehouse.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro 7 as a process of its own (java -jar payara-micro.jar --deploy war), started with
 * Gatehouse's settings as system properties, which the server's MicroProfile Config hands to the
 * filter. Its output goes to a log file in the build directory.
 */
final class PayaraMicro implements AutoCloseable {

  /** Payara Micro takes about a minute to start on a 2-core machine; this leaves room for load. */
  private static final Duration START_DEADLINE = Duration.ofMinutes(4);

  private final Process process;
  private final Path log;
  private final int port;

  private PayaraMicro(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static PayaraMicro start(Path java, Path jar, Path war, Map<String, String> settings)
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(jar.getParent().resolve("run"));
    Path log = work.resolve("payara.log");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java.toString()));
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--nocluster",
            "--rootDir",
            work.resolve("root").toString(),
            "--port",
            Integer.toString(port),
            "--deploy",
            war.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // Should the test JVM end without close(), the server must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    PayaraMicro payara = new PayaraMicro(process, log, port);
    payara.awaitReady();
    return payara;
  }

  /** Base URI of the application deployed from {@code name.war}. */
  URI app(String name) {
    return URI.create("http://127.0.0.1:" + port + "/" + name);
  }

  /** Waits for Payara's "ready" line; the log says why when it does not come. */
  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (output.contains("Exception while loading the app")) {
        close();
        throw new IllegalStateException("Payara did not deploy the WAR; see " + log);
      }
      if (output.contains(" ready in ")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara stopped with " + process.exitValue() + "; see " + log);
      }
      Thread.sleep(500); // polling a process's log: there is no event to wait on
    }
    close();
    throw new IllegalStateException(
        "Payara was not ready within " + START_DEADLINE + "; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
