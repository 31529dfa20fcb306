package dev.gatehouse.it.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ClusterNode} in a JVM started by the test; {@link #kill()} is {@code kill -9}. Its class
 * path is Jetty's alone: Gatehouse and Hazelcast come from the WAR, as in a real container, so that
 * the filter's {@code ServiceLoader} sees one copy of each.
 */
final class NodeProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int httpPort;
  private final List<String> command;
  private final Path log;
  private Process process;

  NodeProcess(String name, Path war, int httpPort, Map<String, String> settings, Path logs) {
    this.name = name;
    this.httpPort = httpPort;
    this.log = logs.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx192m");
    command.add("-XX:TieredStopAtLevel=1");
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(jettyClassPath());
    command.add(ClusterNode.class.getName());
    command.add(war.toString());
    command.add(Integer.toString(httpPort));
    this.command = List.copyOf(command);
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** Starts the JVM and waits until its port answers (the WAR and its member are up by then). */
  void start(Duration within) throws IOException, InterruptedException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ", see " + log);
      }
      if (answers()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " did not answer within " + within + ", see " + log);
  }

  /** {@code kill -9}: no shutdown hook runs, the member leaves without a word. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  private boolean answers() throws InterruptedException {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(uri("/api/me")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 401;
    } catch (IOException e) {
      return false;
    }
  }

  private static String jettyClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(NodeProcess::belongsToContainer)
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean belongsToContainer(String entry) {
    String file = Path.of(entry).getFileName().toString();
    return file.startsWith("jetty-")
        || file.startsWith("jakarta.servlet-api")
        || file.startsWith("slf4j-api")
        || file.equals("test-classes");
  }
}
