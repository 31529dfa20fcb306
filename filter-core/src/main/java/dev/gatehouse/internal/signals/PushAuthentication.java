package dev.gatehouse.internal.signals;

import dev.gatehouse.internal.sender.CertificateBinding;
import dev.gatehouse.internal.sender.ClientCertificateSource;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may push SETs: a transmitter presenting a configured client certificate (its SHA-256
 * thumbprint, as the container's TLS saw it), or sending the configured bearer secret. With neither
 * configured nobody may: a receiver that anyone could feed would let anyone revoke anyone.
 */
public final class PushAuthentication {

  private static final String BEARER = "bearer ";

  /** SHA-256 of the secret: compared in constant time whatever the length of what is sent. */
  private final byte @Nullable [] secretDigest;

  private final Set<String> thumbprints;
  private final ClientCertificateSource certificates = ClientCertificateSource.direct();

  public PushAuthentication(Optional<String> secret, Set<String> thumbprints) {
    this.secretDigest = secret.map(PushAuthentication::digest).orElse(null);
    this.thumbprints = Set.copyOf(thumbprints);
  }

  /** Empty when the request comes from the transmitter, else the error to answer with. */
  public Optional<SetError> check(HttpServletRequest request) {
    if (!thumbprints.isEmpty()) {
      Optional<X509Certificate> certificate = certificates.certificate(request);
      if (certificate.isPresent()) {
        if (thumbprints.contains(CertificateBinding.thumbprint(certificate.get()))) {
          return Optional.empty();
        }
        if (secretDigest == null) {
          return Optional.of(SetError.ACCESS_DENIED);
        }
      }
    }
    if (secretDigest == null) {
      return Optional.of(SetError.AUTHENTICATION_FAILED);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(SetError.AUTHENTICATION_FAILED);
    }
    byte[] sent = digest(authorization.substring(BEARER.length()).trim());
    return MessageDigest.isEqual(sent, secretDigest)
        ? Optional.empty()
        : Optional.of(SetError.AUTHENTICATION_FAILED);
  }

  /** Whether a scheme to challenge with exists: the bearer secret. */
  public boolean usesBearer() {
    return secretDigest != null;
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
