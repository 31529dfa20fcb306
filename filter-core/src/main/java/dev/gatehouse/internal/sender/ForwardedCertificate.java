package dev.gatehouse.internal.sender;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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

  /** How an x-forwarded-client-cert value starts; PEM starts with dashes, DER with "MII". */
  private static final Pattern ENVOY_KEY =
      Pattern.compile("(?i)(by|hash|cert|chain|subject|uri|dns)=");

  private ForwardedCertificate() {}

  static Optional<X509Certificate> parse(String header) {
    if (header.isEmpty() || header.length() > MAX_HEADER_CHARS) {
      return Optional.empty();
    }
    String value = header.trim();
    if (ENVOY_KEY.matcher(value).lookingAt()) {
      String cert = envoyCert(value);
      if (cert == null) {
        return Optional.empty();
      }
      value = cert;
    }
    String decoded = value.indexOf('%') >= 0 ? percentDecode(value) : value;
    if (decoded == null) {
      return Optional.empty();
    }
    // Form encoding turns the spaces of the armour into '+'; in the base64 body a '+' is itself.
    String armoured =
        decoded
            .replace("-----BEGIN+CERTIFICATE-----", BEGIN)
            .replace("-----END+CERTIFICATE-----", END);
    return certificate(armourRemoved(armoured));
  }

  /**
   * The {@code Cert} of an {@code x-forwarded-client-cert} value with one element; null when there
   * are several (one per proxy hop: which is the client's is not ours to guess) or none.
   */
  private static @Nullable String envoyCert(String value) {
    List<String> elements = splitOutsideQuotes(value, ',');
    if (elements.size() != 1) {
      return null;
    }
    String cert = null;
    for (String pair : splitOutsideQuotes(elements.get(0), ';')) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("cert")) {
        if (cert != null) {
          return null;
        }
        cert = unquoted(pair.substring(eq + 1).trim());
      }
    }
    return cert;
  }

  private static List<String> splitOutsideQuotes(String value, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
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
   * %XX escapes only: a '+' stays a '+', since it is a base64 character here and not a space as in
   * form encoding.
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
