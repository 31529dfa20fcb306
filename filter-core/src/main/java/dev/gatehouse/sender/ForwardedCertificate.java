package dev.gatehouse.sender;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client certificate as a TLS-terminating proxy forwards it in a header. Read forms:
 *
 * <ul>
 *   <li>PEM, with its line breaks kept or turned into spaces (Apache {@code SSL_CLIENT_CERT});
 *   <li>URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}, AWS ALB);
 *   <li>base64 DER without PEM armour, URL-encoded or not (Traefik);
 *   <li>Envoy's {@code x-forwarded-client-cert}, from its {@code Cert="..."} element, when the
 *       header describes exactly one hop.
 * </ul>
 *
 * The first certificate is the client's; anything after it (a chain) is ignored. A value that is
 * none of these gives no certificate, which a bound token then refuses.
 */
final class ForwardedCertificate {

  /** A PEM RSA-4096 certificate with extensions, URL-encoded, fits with room to spare. */
  static final int MAX_HEADER_CHARS = 16 * 1024;

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";
  private static final String ENVOY_CERT = "cert=\"";

  private ForwardedCertificate() {}

  static Optional<X509Certificate> parse(String header) {
    if (header.isEmpty() || header.length() > MAX_HEADER_CHARS) {
      return Optional.empty();
    }
    String value = header.trim();
    String lower = value.toLowerCase(Locale.ROOT);
    int envoy = lower.indexOf(ENVOY_CERT);
    if (envoy >= 0) {
      int end = value.indexOf('"', envoy + ENVOY_CERT.length());
      // Two hops (a comma between elements) or two Cert elements: which one is the client's?
      if (end < 0 || lower.indexOf(ENVOY_CERT, end) >= 0 || value.indexOf(',') >= 0) {
        return Optional.empty();
      }
      value = value.substring(envoy + ENVOY_CERT.length(), end);
    }
    String decoded = value.indexOf('%') >= 0 ? percentDecode(value) : value;
    if (decoded == null) {
      return Optional.empty();
    }
    return certificate(armourRemoved(decoded));
  }

  private static String armourRemoved(String pem) {
    int begin = pem.indexOf(BEGIN);
    if (begin < 0) {
      return pem;
    }
    int end = pem.indexOf(END, begin);
    return end < 0 ? "" : pem.substring(begin + BEGIN.length(), end);
  }

  private static Optional<X509Certificate> certificate(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
      if (der.length == 0) {
        return Optional.empty();
      }
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der)));
    } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * %XX escapes only: a '+' stays a '+', since it is a base64 character here and not a space as
   * in form encoding.
   */
  private static @Nullable String percentDecode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '%') {
        out.write(c);
        continue;
      }
      if (i + 2 >= value.length()) {
        return null;
      }
      int high = Character.digit(value.charAt(i + 1), 16);
      int low = Character.digit(value.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      out.write(high * 16 + low);
      i += 2;
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
