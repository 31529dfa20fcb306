package dev.gatehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for Hazelcast members started by a benchmark. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /** A free port below Linux's ephemeral range, which the members' own connections use. */
  public static int free() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException busy) {
        // taken: try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port found"));
  }
}
