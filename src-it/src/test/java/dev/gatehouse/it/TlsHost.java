package dev.gatehouse.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A container serving {@link CertificateBoundApp} over TLS only, asking every client for a
 * certificate and accepting clients without one, as a server that takes bearer and
 * certificate-bound tokens side by side would.
 */
interface TlsHost extends AutoCloseable {

  /**
   * @param settings the filter's init-params
   * @param keyStore PKCS12 holding the server's key and certificate
   * @param trustStore PKCS12 holding the client certificates the handshake accepts
   * @return {@code https://127.0.0.1:port/}
   */
  URI start(Map<String, String> settings, Path keyStore, Path trustStore, char[] password)
      throws Exception;
}
