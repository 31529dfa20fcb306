package dev.gatehouse.verify;

import dev.gatehouse.config.ConfigKey;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decryption of encrypted access tokens ({@code gatehouse.decryption.*}): the private keys, each
 * under the {@code kid} the provider puts in the JWE header, and the key-management and
 * content-encryption algorithms accepted. A token encrypted any other way is refused; the signed
 * token inside is then verified like any other. Keys are read and checked when the value is built,
 * so a mistake stops the filter's {@code init} and not the first request. Immutable.
 *
 * <p>{@code RSA1_5} cannot be accepted at all: its padding is open to Bleichenbacher-style oracle
 * attacks (RFC 8725 section 3.2 says to avoid it), and no provider needs it for access tokens.
 * Symmetric key management ({@code dir}, AES key wrap, {@code PBES2}) is not offered either: the
 * keys here are private keys of which the provider holds only the public half.
 */
public final class Decryption {

  /** RSA-OAEP with SHA-256, and ECDH-ES directly or with AES key wrap. */
  public static final Set<String> DEFAULT_KEY_ALGORITHMS =
      ordered("RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A256KW");

  /** AES-GCM, 256 and 128 bits. */
  public static final Set<String> DEFAULT_CONTENT_ALGORITHMS = ordered("A256GCM", "A128GCM");

  /** What may be accepted by choice: the defaults, RSA-OAEP (SHA-1) and ECDH-ES+A192KW. */
  public static final Set<String> PERMITTED_KEY_ALGORITHMS =
      ordered(
          "RSA-OAEP-256",
          "RSA-OAEP",
          "ECDH-ES",
          "ECDH-ES+A128KW",
          "ECDH-ES+A192KW",
          "ECDH-ES+A256KW");

  /** What may be accepted by choice: every AES-GCM and AES-CBC-HMAC content encryption. */
  public static final Set<String> PERMITTED_CONTENT_ALGORITHMS =
      ordered("A256GCM", "A192GCM", "A128GCM", "A256CBC-HS512", "A192CBC-HS384", "A128CBC-HS256");

  private static final int MIN_RSA_BITS = 2048;
  private static final Set<Integer> EC_FIELD_SIZES = Set.of(256, 384, 521);

  private final Map<String, PrivateKey> keys;
  private final Set<String> keyAlgorithms;
  private final Set<String> contentAlgorithms;

  private Decryption(Builder b) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
    this.keyAlgorithms = Collections.unmodifiableSet(new LinkedHashSet<>(b.keyAlgorithms));
    this.contentAlgorithms = Collections.unmodifiableSet(new LinkedHashSet<>(b.contentAlgorithms));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Each key under its {@code kid}, in the order configured: the order keys are tried without one.
   */
  public Map<String, PrivateKey> keys() {
    return keys;
  }

  /** The JWE {@code alg} values accepted. */
  public Set<String> keyAlgorithms() {
    return keyAlgorithms;
  }

  /** The JWE {@code enc} values accepted. */
  public Set<String> contentAlgorithms() {
    return contentAlgorithms;
  }

  /** Names the key ids and algorithms; never a key. */
  @Override
  public String toString() {
    return "Decryption[kids="
        + keys.keySet()
        + ", alg="
        + keyAlgorithms
        + ", enc="
        + contentAlgorithms
        + "]";
  }

  /** Collects keys and algorithm choices; {@link #build()} checks them together. */
  public static final class Builder {

    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private Set<String> keyAlgorithms = DEFAULT_KEY_ALGORITHMS;
    private Set<String> contentAlgorithms = DEFAULT_CONTENT_ALGORITHMS;

    private Builder() {}

    /** A key given in code, under the {@code kid} the provider names it by. */
    public Builder key(String kid, PrivateKey key) {
      Objects.requireNonNull(key, "key");
      if (kid == null || kid.isBlank()) {
        throw new IllegalArgumentException("decryption key: a kid is required");
      }
      if (keys.putIfAbsent(kid, key) != null) {
        throw new IllegalArgumentException("decryption key: kid '" + kid + "' is given twice");
      }
      return this;
    }

    /**
     * The private-key entries of a PKCS#12 key store, each under its alias as {@code kid}: those
     * named, or all when {@code aliases} is empty. Read now.
     *
     * @param password of the store and of its keys; not kept
     * @throws IllegalArgumentException naming the setting when the store cannot be read
     */
    public Builder keyStore(Path file, char[] password, List<String> aliases) {
      PrivateKeyFiles.keyStore(file, password, List.copyOf(aliases)).forEach(this::key);
      return this;
    }

    /** An unencrypted PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}), RSA or EC. Read now. */
    public Builder pemKey(String kid, Path file) {
      return key(kid, PrivateKeyFiles.pem(kid, file));
    }

    /** The JWE {@code alg} values to accept, from {@link #PERMITTED_KEY_ALGORITHMS}. */
    public Builder keyAlgorithms(Collection<String> algorithms) {
      this.keyAlgorithms =
          choose(algorithms, PERMITTED_KEY_ALGORITHMS, ConfigKey.DECRYPTION_KEY_ALGORITHMS);
      return this;
    }

    /** The JWE {@code enc} values to accept, from {@link #PERMITTED_CONTENT_ALGORITHMS}. */
    public Builder contentAlgorithms(Collection<String> algorithms) {
      this.contentAlgorithms =
          choose(algorithms, PERMITTED_CONTENT_ALGORITHMS, ConfigKey.DECRYPTION_CONTENT_ALGORITHMS);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting and the key that cannot be used
     */
    public Decryption build() {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(
            ConfigKey.DECRYPTION_KEYSTORE.property()
                + " or "
                + ConfigKey.DECRYPTION_PEM_KEYS.property()
                + ": no decryption key is configured");
      }
      keys.forEach(this::checkUsable);
      return new Decryption(this);
    }

    private void checkUsable(String kid, PrivateKey key) {
      String family;
      if (key instanceof RSAPrivateKey rsa) {
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
          throw new IllegalArgumentException(
              "decryption key '" + kid + "': RSA keys need at least " + MIN_RSA_BITS + " bits");
        }
        family = "RSA-OAEP";
      } else if (key instanceof ECPrivateKey ec
          && EC_FIELD_SIZES.contains(ec.getParams().getCurve().getField().getFieldSize())) {
        family = "ECDH-ES";
      } else {
        throw new IllegalArgumentException(
            "decryption key '" + kid + "': only RSA and EC P-256, P-384, P-521 keys are used");
      }
      if (keyAlgorithms.stream().noneMatch(alg -> alg.startsWith(family))) {
        throw new IllegalArgumentException(
            ConfigKey.DECRYPTION_KEY_ALGORITHMS.property()
                + ": none of "
                + keyAlgorithms
                + " can use decryption key '"
                + kid
                + "' ("
                + family
                + " is needed)");
      }
    }

    private static Set<String> choose(
        Collection<String> algorithms, Set<String> permitted, ConfigKey setting) {
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException(setting.property() + ": at least one is needed");
      }
      for (String alg : algorithms) {
        if ("RSA1_5".equals(alg)) {
          throw new IllegalArgumentException(
              setting.property()
                  + ": RSA1_5 is never accepted (padding-oracle attacks; use RSA-OAEP-256)");
        }
        if (!permitted.contains(alg)) {
          throw new IllegalArgumentException(
              setting.property() + ": '" + alg + "' is not one of " + permitted);
        }
      }
      return ordered(algorithms.toArray(String[]::new));
    }
  }

  private static Set<String> ordered(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }
}
