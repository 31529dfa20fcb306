package dev.gatehouse.attacks;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;

/**
 * Builds tokens byte by byte, for attacks that {@link dev.gatehouse.testing.TestTokens} cannot
 * express because jose4j would refuse to produce them: duplicate JSON members, raw header text,
 * chosen signature bytes, unencoded payloads. Signatures are made with the JDK directly.
 */
final class Forge {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Forge() {}

  static String b64(String text) {
    return B64URL.encodeToString(text.getBytes(UTF_8));
  }

  static String b64(byte[] bytes) {
    return B64URL.encodeToString(bytes);
  }

  static String json(Map<String, ?> members) {
    return JsonUtil.toJson(members);
  }

  /** {@code header.payload.signature} with the header and payload JSON text exactly as given. */
  static String signed(String headerJson, String payloadJson, PrivateKey key, String jcaAlgorithm) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + b64(sign(input.getBytes(US_ASCII), key, jcaAlgorithm));
  }

  /** RS256 over exactly these header and payload texts. */
  static String rs256(String headerJson, String payloadJson, PrivateKey key) {
    return signed(headerJson, payloadJson, key, "SHA256withRSA");
  }

  /** {@code header.payload.mac}: an HMAC over exactly these texts with {@code secret}. */
  static String hmac(String headerJson, String payloadJson, byte[] secret, String jcaAlgorithm) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    try {
      Mac mac = Mac.getInstance(jcaAlgorithm);
      mac.init(new SecretKeySpec(secret, jcaAlgorithm));
      return input + "." + b64(mac.doFinal(input.getBytes(US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot MAC test input", e);
    }
  }

  /** Signs arbitrary bytes; {@code jcaAlgorithm} e.g. {@code SHA256withRSA}. */
  static byte[] sign(byte[] input, PrivateKey key, String jcaAlgorithm) {
    try {
      Signature signature = Signature.getInstance(jcaAlgorithm);
      signature.initSign(key);
      signature.update(input);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign test input", e);
    }
  }

  /** The token with its signature segment replaced by {@code signature}. */
  static String withSignature(String token, byte[] signature) {
    return token.substring(0, token.lastIndexOf('.') + 1) + b64(signature);
  }

  /** Segment {@code index} (0 header, 1 payload, 2 signature) of a compact token. */
  static String segment(String token, int index) {
    return token.split("\\.", -1)[index];
  }

  /** {@code value} as a fixed-width unsigned big-endian integer of {@code length} bytes. */
  static byte[] unsigned(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
