package dev.gatehouse.verify;

import dev.gatehouse.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads decryption keys from a PKCS#12 key store or from PKCS#8 PEM files. Errors name the setting
 * and the file, never the password, and carry no key material.
 */
final class PrivateKeyFiles {

  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  private PrivateKeyFiles() {}

  /**
   * The private-key entries named by {@code aliases}, or every private-key entry when there are
   * none, each under its alias.
   */
  static Map<String, PrivateKey> keyStore(Path file, char[] password, List<String> aliases) {
    String setting = ConfigKey.DECRYPTION_KEYSTORE.property() + ": " + file;
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException | GeneralSecurityException e) {
      // The JDK says "wrong password" and "damaged file" alike through IOException; neither
      // message is repeated, the password is never part of it.
      throw new IllegalArgumentException(
          setting
              + " cannot be read as a PKCS#12 key store with the password of "
              + ConfigKey.DECRYPTION_KEYSTORE_PASSWORD.property()
              + " (missing, damaged, or wrong password)",
          e);
    }
    try {
      List<String> names = aliases.isEmpty() ? Collections.list(store.aliases()) : aliases;
      Map<String, PrivateKey> keys = new LinkedHashMap<>();
      for (String alias : names) {
        Key key = store.isKeyEntry(alias) ? store.getKey(alias, password) : null;
        if (key instanceof PrivateKey privateKey) {
          keys.put(alias, privateKey);
        } else if (!aliases.isEmpty()) {
          throw new IllegalArgumentException(
              ConfigKey.DECRYPTION_KEYSTORE_ALIASES.property()
                  + ": '"
                  + alias
                  + "' is not a private-key entry of "
                  + file);
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(setting + " holds no private key");
      }
      return keys;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          setting + ": a key cannot be read with the key store's password", e);
    }
  }

  /** An unencrypted PKCS#8 {@code BEGIN PRIVATE KEY} block, RSA or EC. */
  static PrivateKey pem(String kid, Path file) {
    String setting = ConfigKey.DECRYPTION_PEM_KEYS.property() + ": " + kid + "=" + file;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + " cannot be read", e);
    }
    int begin = text.indexOf(PEM_BEGIN);
    int end = text.indexOf(PEM_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          setting
              + " holds no '"
              + PEM_BEGIN
              + "' block (convert other forms with: openssl pkcs8 -topk8 -nocrypt)");
    }
    byte[] der;
    try {
      // Strict, unlike the MIME decoder, which skips any character it does not know.
      String body = text.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": the PEM block is not base64", e);
    }
    List<GeneralSecurityException> failures = new ArrayList<>();
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        failures.add(e);
      }
    }
    IllegalArgumentException error =
        new IllegalArgumentException(setting + " is neither an RSA nor an EC private key");
    failures.forEach(error::addSuppressed);
    throw error;
  }
}
