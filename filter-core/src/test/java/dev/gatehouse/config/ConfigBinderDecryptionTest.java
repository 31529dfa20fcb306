package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.EncryptedTokens;
import dev.gatehouse.testing.TestCertificates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse.decryption.*}: the settings of encrypted access tokens, and their mistakes. */
class ConfigBinderDecryptionTest {

  private static final String PASSWORD = "pw with spaces ";

  @TempDir static Path dir;
  private static Path keyStore;
  private static Path ecPem;

  private final Map<String, String> properties = new HashMap<>();

  @BeforeAll
  static void keys() throws Exception {
    keyStore = dir.resolve("keys.p12");
    TestCertificates.selfSigned(keyStore, "enc-a", "CN=a", null, PASSWORD.toCharArray());
    ecPem = EncryptedTokens.pem(dir.resolve("ec.pem"), EncryptedTokens.ecP256().getPrivate());
  }

  private ConfigBinderDecryptionTest with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  private GatehouseConfig bind() {
    properties.putIfAbsent("gatehouse.issuer", "https://tenant.auth0.com/");
    properties.putIfAbsent("gatehouse.audiences", "https://api.example");
    return new ConfigBinder(PropertyLookup.of(properties)).bind();
  }

  private String failure() {
    return assertThrows(IllegalArgumentException.class, this::bind).getMessage();
  }

  @Test
  void whenNothingIsSetThenThereIsNoDecryption() {
    assertTrue(bind().decryption().isEmpty());
  }

  @Test
  void whenAKeyStoreAndPemKeysAreSetThenAllKeysAreKeptKeyStoreFirst() {
    GatehouseConfig config =
        with("gatehouse.decryption.keystore", keyStore.toString())
            .with("gatehouse.decryption.keystore-password", PASSWORD)
            .with("gatehouse.decryption.pem-keys", "ec-1=" + ecPem)
            .with("gatehouse.decryption.content-algorithms", "A256GCM")
            .bind();

    assertEquals(List.of("enc-a", "ec-1"), List.copyOf(config.decryption().get().keys().keySet()));
    assertEquals(List.of("A256GCM"), List.copyOf(config.decryption().get().contentAlgorithms()));
  }

  @Test
  void whenTheKeyStoreHasNoPasswordThenTheErrorNamesThePasswordSetting() {
    with("gatehouse.decryption.keystore", keyStore.toString());

    assertTrue(failure().startsWith("gatehouse.decryption.keystore-password: required"));
  }

  @Test
  void whenAliasesAreSetWithoutAKeyStoreThenTheErrorSaysSo() {
    with("gatehouse.decryption.pem-keys", "ec-1=" + ecPem)
        .with("gatehouse.decryption.keystore-aliases", "enc-a");

    assertTrue(failure().startsWith("gatehouse.decryption.keystore-aliases: only with"));
  }

  @Test
  void whenAlgorithmsAreSetWithoutAnyKeyThenTheErrorNamesTheMissingKeys() {
    with("gatehouse.decryption.key-algorithms", "RSA-OAEP-256");

    assertTrue(failure().contains("required when gatehouse.decryption.key-algorithms is set"));
  }

  @Test
  void whenAPemEntryIsNotKidEqualsFileThenTheErrorQuotesIt() {
    with("gatehouse.decryption.pem-keys", ecPem.toString());

    assertTrue(failure().contains("is not kid=file"));
  }

  @Test
  void whenAPemPathIsInvalidThenTheErrorNamesTheSetting() {
    with("gatehouse.decryption.pem-keys", "k=bad\u0000path");

    assertTrue(failure().startsWith("gatehouse.decryption.pem-keys: "));
  }

  @Test
  void whenRsa15IsConfiguredThenInitFails() {
    with("gatehouse.decryption.pem-keys", "ec-1=" + ecPem)
        .with("gatehouse.decryption.key-algorithms", "ECDH-ES RSA1_5");

    assertTrue(failure().contains("RSA1_5 is never accepted"));
  }
}
