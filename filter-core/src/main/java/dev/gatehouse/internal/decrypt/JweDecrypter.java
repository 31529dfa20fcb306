package dev.gatehouse.internal.decrypt;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.extract.TokenSyntax;
import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.verify.Decryption;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * Opens a compact JWE with the configured keys and hands back the compact JWS inside it.
 *
 * <p>Every check that reads only the protected header comes first and has its own refusal: an
 * algorithm that is not accepted, compression, a critical header, a content type other than a JWT.
 * Everything after that, from an unknown {@code kid} to a wrong key or a tampered ciphertext, IV or
 * tag, is one refusal, {@code undecryptable}, so that a client cannot tell which step of the
 * decryption failed. Without a {@code kid}, at most {@link #MAX_KEYLESS_ATTEMPTS} keys of the right
 * type are tried, in the configured order. Thread-safe: a new jose4j object per attempt.
 */
public final class JweDecrypter {

  /** Trying keys costs an RSA or ECDH operation each: a kid-less token gets only this many. */
  public static final int MAX_KEYLESS_ATTEMPTS = 3;

  private final Map<String, PrivateKey> keys;
  private final Set<String> keyAlgorithms;
  private final Set<String> contentAlgorithms;
  private final AlgorithmConstraints keyConstraints;
  private final AlgorithmConstraints contentConstraints;

  public JweDecrypter(Decryption settings) {
    this.keys = settings.keys();
    this.keyAlgorithms = settings.keyAlgorithms();
    this.contentAlgorithms = settings.contentAlgorithms();
    this.keyConstraints =
        new AlgorithmConstraints(ConstraintType.PERMIT, keyAlgorithms.toArray(String[]::new));
    this.contentConstraints =
        new AlgorithmConstraints(ConstraintType.PERMIT, contentAlgorithms.toArray(String[]::new));
  }

  /**
   * @param jwe a token with the shape of a compact JWE ({@link TokenSyntax#isCompactJwe})
   * @return the signed token inside, with the shape of a compact JWS
   * @throws BearerTokenException {@code malformed_token}, {@code unsupported_encryption}, {@code
   *     unsupported_critical_header} or {@code undecryptable}
   */
  public String decrypt(String jwe) {
    CompactJws.parse(jwe).requireCanonical();
    JsonWebEncryption header = parse(jwe);
    String alg = stringHeader(header, "alg");
    String enc = stringHeader(header, "enc");
    if (alg == null
        || enc == null
        || !keyAlgorithms.contains(alg)
        || !contentAlgorithms.contains(enc)
        || header.getObjectHeader("zip") != null) {
      // Compression before encryption leaks the plaintext's length; no provider needs it here.
      throw new BearerTokenException(Rejection.UNSUPPORTED_ENCRYPTION);
    }
    if (header.getObjectHeader("crit") != null) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_CRITICAL_HEADER);
    }
    if (!isNestedJwt(stringHeader(header, "cty"))) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    @Nullable String inner = null;
    for (PrivateKey key : candidates(stringHeader(header, "kid"), alg)) {
      inner = attempt(jwe, key);
      if (inner != null) {
        break;
      }
    }
    if (inner == null) {
      throw new BearerTokenException(Rejection.UNDECRYPTABLE);
    }
    if (!TokenSyntax.isJwt(inner)) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return inner;
  }

  /** The key named by {@code kid}, or without one the first few keys that can do {@code alg}. */
  private List<PrivateKey> candidates(@Nullable String kid, String alg) {
    if (kid != null) {
      PrivateKey named = keys.get(kid);
      return named == null ? List.of() : List.of(named);
    }
    List<PrivateKey> fitting = new ArrayList<>(MAX_KEYLESS_ATTEMPTS);
    for (PrivateKey key : keys.values()) {
      if (fitting.size() < MAX_KEYLESS_ATTEMPTS && fits(key, alg)) {
        fitting.add(key);
      }
    }
    return fitting;
  }

  private static boolean fits(PrivateKey key, String alg) {
    return alg.startsWith("RSA-OAEP") ? key instanceof RSAPrivateKey : key instanceof ECPrivateKey;
  }

  /** The plaintext, or null for any failure: which one is nobody's business outside. */
  private @Nullable String attempt(String jwe, PrivateKey key) {
    try {
      JsonWebEncryption decrypting = new JsonWebEncryption();
      decrypting.setAlgorithmConstraints(keyConstraints);
      decrypting.setContentEncryptionAlgorithmConstraints(contentConstraints);
      decrypting.setCompactSerialization(jwe);
      decrypting.setKey(key);
      return decrypting.getPlaintextString();
    } catch (JoseException | RuntimeException e) {
      return null;
    }
  }

  private static JsonWebEncryption parse(String jwe) {
    try {
      JsonWebEncryption parsed = new JsonWebEncryption();
      parsed.setCompactSerialization(jwe);
      return parsed;
    } catch (JoseException | RuntimeException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /** A header that must be a string when present. */
  private static @Nullable String stringHeader(JsonWebEncryption jwe, String name) {
    Object value = jwe.getObjectHeader(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
  }

  /** RFC 7519 section 5.2: "JWT", case-insensitive, the "application/" prefix optional. */
  private static boolean isNestedJwt(@Nullable String cty) {
    return cty != null && ("JWT".equalsIgnoreCase(cty) || "application/jwt".equalsIgnoreCase(cty));
  }
}
