package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Certificate-bound access tokens (RFC 8705 section 3): the token's {@code cnf.x5t#S256} must be
 * the SHA-256 thumbprint of the DER encoding of the certificate the client authenticated with.
 */
public final class CertificateBinding {

  private CertificateBinding() {}

  /** base64url(SHA-256(DER)), the form of {@code x5t#S256} (RFC 8705 section 3.1). */
  public static String thumbprint(X509Certificate certificate) {
    try {
      return Digests.sha256Base64url(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate has no DER encoding", e);
    }
  }

  /**
   * Empty when {@code presented} is the certificate the token is bound to; otherwise why not.
   *
   * @param presented the client's certificate ({@link ClientCertificateSource}), or null
   * @param boundThumbprint the token's {@code cnf.x5t#S256}
   */
  public static Optional<Rejection> check(
      @Nullable X509Certificate presented, String boundThumbprint) {
    Objects.requireNonNull(boundThumbprint, "boundThumbprint");
    if (presented == null) {
      return Optional.of(Rejection.CLIENT_CERTIFICATE_MISSING);
    }
    if (!Digests.sameValue(thumbprint(presented), boundThumbprint)) {
      return Optional.of(Rejection.CLIENT_CERTIFICATE_MISMATCH);
    }
    return Optional.empty();
  }
}
