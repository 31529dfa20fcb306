package dev.gatehouse.internal.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS socket factory that remembers the sockets of one exchange, so that the deadline can close
 * them directly. Closing the TCP socket under a TLS connection ends a read blocked in another
 * thread at once, where {@code HttpURLConnection.disconnect()} first closes the JDK's response
 * stream, which waits for a read in progress to return (seen in {@code OutboundHttpsTest}). One
 * instance per exchange: the JDK then keeps no https connection alive between exchanges, so each
 * exchange costs a TLS handshake; the calls are rare (discovery, JWKS, and introspection or token
 * requests on cache misses and logins) and an exact deadline is worth more.
 */
final class TrackedSockets extends SSLSocketFactory {

  private final SSLSocketFactory delegate;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  TrackedSockets(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  /** Closes every socket made so far, without waiting for anyone reading from them. */
  void closeAll() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException | RuntimeException e) {
        // already closed or failing: either way no longer readable
      }
    }
  }

  private <S extends Socket> S track(S socket) {
    sockets.add(socket);
    return socket;
  }

  @Override
  public Socket createSocket(Socket plain, String host, int port, boolean autoClose)
      throws IOException {
    track(plain); // the TCP socket the JDK connected (directly or through a proxy tunnel)
    return track(delegate.createSocket(plain, host, port, autoClose));
  }

  @Override
  public Socket createSocket() throws IOException {
    return track(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return track(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return track(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
