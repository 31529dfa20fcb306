package dev.gatehouse;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.internal.sender.CertificateBinding;
import dev.gatehouse.internal.sender.ClientCertificateSource;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenBinding;
import jakarta.servlet.http.HttpServletRequest;

/**
 * RFC 8705 section 3 in the pipeline: a verified token that carries {@code cnf.x5t#S256} is
 * accepted only from the client holding that certificate. Asked of every token, whatever else it is
 * bound to, so that a token bound to a certificate is never used as a plain bearer token.
 */
final class CertificateBoundTokens {

  private final ClientCertificateSource certificates;

  CertificateBoundTokens(ClientCertificateSource certificates) {
    this.certificates = certificates;
  }

  /**
   * @throws BearerTokenException {@code client_certificate_missing} or {@code
   *     client_certificate_mismatch}
   */
  void check(HttpServletRequest request, AccessToken token) {
    var bound = TokenBinding.in(token.claims(), TokenBinding.Kind.X5T_S256);
    if (bound.isEmpty()) {
      return;
    }
    CertificateBinding.check(
            certificates.certificate(request).orElse(null), bound.get().thumbprint())
        .ifPresent(
            rejection -> {
              throw new BearerTokenException(rejection);
            });
  }
}
