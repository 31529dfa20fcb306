package dev.gatehouse.internal.sender;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the client's certificate comes from for a certificate-bound token.
 *
 * <p>A request from a configured proxy address is judged by the proxy's header alone: the TLS
 * connection the container sees is the proxy's own, and any certificate on it is the proxy's. The
 * header must then be present exactly once and readable ({@link ForwardedCertificate}). From any
 * other address the header is ignored, whoever set it, and the certificate is the one the container
 * verified during the TLS handshake ({@value #ATTRIBUTE}).
 */
public final class ClientCertificateSource {

  /** The Servlet specification's attribute for the client's verified chain (section 3.10). */
  public static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

  private final @Nullable String header;
  private final ProxyAddresses proxies;

  private ClientCertificateSource(@Nullable String header, ProxyAddresses proxies) {
    this.header = header;
    this.proxies = proxies;
  }

  /** The container's TLS client authentication only. */
  public static ClientCertificateSource direct() {
    return new ClientCertificateSource(null, ProxyAddresses.none());
  }

  /**
   * @param header the header the proxy writes the client certificate into
   * @param proxies the addresses requests from that proxy come from
   */
  public static ClientCertificateSource behindProxy(String header, ProxyAddresses proxies) {
    Objects.requireNonNull(header, "header");
    if (header.isBlank() || proxies.isEmpty()) {
      throw new IllegalArgumentException("a proxy certificate header needs a name and proxies");
    }
    return new ClientCertificateSource(header, proxies);
  }

  /** The client's certificate, or empty when the request has none this source believes. */
  public Optional<X509Certificate> certificate(HttpServletRequest request) {
    String name = header;
    if (name != null && proxies.contains(request.getRemoteAddr())) {
      // A container may hide a header (null): then the proxy sent none this filter can believe.
      Enumeration<String> headers = request.getHeaders(name);
      List<String> values = headers == null ? List.of() : Collections.list(headers);
      return values.size() == 1 ? ForwardedCertificate.parse(values.get(0)) : Optional.empty();
    }
    if (request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
      return Optional.ofNullable(chain[0]);
    }
    return Optional.empty();
  }
}
