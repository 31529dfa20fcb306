package dev.gatehouse.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.EncryptedTokens;
import dev.gatehouse.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decryption keys are read and checked when the settings are built, with errors naming the setting.
 */
class DecryptionTest {

  private static final char[] PASSWORD = "s3cret-Pa55".toCharArray();

  @TempDir static Path dir;
  private static Path keyStore;
  private static KeyPair rsa;
  private static KeyPair ec;

  @BeforeAll
  static void keys() throws Exception {
    keyStore = dir.resolve("keys.p12");
    TestCertificates.selfSigned(keyStore, "enc-1", "CN=enc", null, PASSWORD);
    rsa = EncryptedTokens.rsa(2048);
    ec = EncryptedTokens.ecP256();
  }

  private static String failure(Executable building) {
    return assertThrows(IllegalArgumentException.class, building).getMessage();
  }

  @Test
  void whenNothingIsChosenThenTheDefaultsAreRsaOaep256EcdhEsAndAesGcm() {
    Decryption d = Decryption.builder().key("k", rsa.getPrivate()).build();

    assertEquals(
        List.of("RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A256KW"),
        List.copyOf(d.keyAlgorithms()));
    assertEquals(List.of("A256GCM", "A128GCM"), List.copyOf(d.contentAlgorithms()));
  }

  @Test
  void whenRsa15IsAskedForThenBuildingFailsNamingTheSettingAndTheReason() {
    String message =
        failure(() -> Decryption.builder().keyAlgorithms(List.of("RSA-OAEP-256", "RSA1_5")));

    assertTrue(
        message.startsWith("gatehouse.decryption.key-algorithms: RSA1_5 is never accepted"),
        message);
  }

  @Test
  void whenASymmetricOrUnknownAlgorithmIsAskedForThenBuildingFails() {
    assertTrue(failure(() -> Decryption.builder().keyAlgorithms(List.of("dir"))).contains("'dir'"));
    assertTrue(
        failure(() -> Decryption.builder().contentAlgorithms(List.of("A128CTR")))
            .startsWith("gatehouse.decryption.content-algorithms: 'A128CTR'"));
    assertTrue(
        failure(() -> Decryption.builder().contentAlgorithms(List.of())).contains("at least"));
  }

  @Test
  void whenNoKeyIsGivenThenBuildingFails() {
    assertTrue(failure(() -> Decryption.builder().build()).contains("no decryption key"));
  }

  @Test
  void whenAKidIsMissingOrGivenTwiceThenBuildingFails() {
    assertTrue(failure(() -> Decryption.builder().key(" ", rsa.getPrivate())).contains("kid"));
    assertTrue(
        failure(() -> Decryption.builder().key("k", rsa.getPrivate()).key("k", ec.getPrivate()))
            .contains("'k' is given twice"));
  }

  @Test
  void whenAnRsaKeyIsShorterThan2048BitsThenBuildingFails() throws Exception {
    KeyPair weak = EncryptedTokens.rsa(1024);

    assertTrue(
        failure(() -> Decryption.builder().key("weak", weak.getPrivate()).build())
            .contains("at least 2048 bits"));
  }

  @Test
  void whenAKeyIsNeitherRsaNorEcThenBuildingFails() throws Exception {
    KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();

    assertTrue(
        failure(() -> Decryption.builder().key("ed", ed25519.getPrivate()).build())
            .contains("only RSA and EC"));
    assertTrue(
        failure(() -> Decryption.builder().key("x", x25519.getPrivate()).build())
            .contains("only RSA and EC"));
  }

  @Test
  void whenNoAllowedAlgorithmCanUseAKeyThenBuildingFailsNamingIt() {
    String message =
        failure(
            () ->
                Decryption.builder()
                    .key("ec-enc", ec.getPrivate())
                    .keyAlgorithms(List.of("RSA-OAEP-256"))
                    .build());

    assertTrue(message.startsWith("gatehouse.decryption.key-algorithms:"), message);
    assertTrue(message.contains("'ec-enc'"), message);
  }

  @Test
  void whenTheKeyStorePasswordIsWrongThenTheErrorNamesTheSettingButNeverThePassword() {
    String message =
        failure(
            () -> Decryption.builder().keyStore(keyStore, "wrong-pass".toCharArray(), List.of()));

    assertTrue(message.startsWith("gatehouse.decryption.keystore: " + keyStore), message);
    assertTrue(message.contains("gatehouse.decryption.keystore-password"), message);
    assertFalse(message.contains("wrong-pass"), message);
    assertFalse(message.contains(new String(PASSWORD)), message);
  }

  @Test
  void whenTheKeyStoreIsMissingThenTheErrorNamesTheFile() {
    Path missing = dir.resolve("missing.p12");

    assertTrue(
        failure(() -> Decryption.builder().keyStore(missing, PASSWORD, List.of()))
            .contains(missing.toString()));
  }

  @Test
  void whenAListedAliasIsNotInTheKeyStoreThenTheErrorNamesIt() {
    assertTrue(
        failure(() -> Decryption.builder().keyStore(keyStore, PASSWORD, List.of("enc-9")))
            .startsWith("gatehouse.decryption.keystore-aliases: 'enc-9'"));
  }

  @Test
  void whenAKeyStoreHoldsOnlyCertificatesThenBuildingFails() throws Exception {
    Path trustOnly = dir.resolve("trust.p12");
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, PASSWORD);
    java.security.KeyStore source = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      source.load(in, PASSWORD);
    }
    store.setCertificateEntry("ca", source.getCertificate("enc-1"));
    try (var out = Files.newOutputStream(trustOnly)) {
      store.store(out, PASSWORD);
    }

    assertTrue(
        failure(() -> Decryption.builder().keyStore(trustOnly, PASSWORD, List.of()))
            .contains("holds no private key"));
  }

  @Test
  void whenTheKeyStoreIsReadThenEachEntryIsKeptUnderItsAlias() {
    Decryption d = Decryption.builder().keyStore(keyStore, PASSWORD, List.of()).build();

    assertEquals(List.of("enc-1"), List.copyOf(d.keys().keySet()));
  }

  @Test
  void whenPemFilesHoldRsaAndEcKeysThenBothAreRead() throws Exception {
    Path rsaPem = EncryptedTokens.pem(dir.resolve("rsa.pem"), rsa.getPrivate());
    Path ecPem = EncryptedTokens.pem(dir.resolve("ec.pem"), ec.getPrivate());

    Decryption d = Decryption.builder().pemKey("r", rsaPem).pemKey("e", ecPem).build();

    assertEquals(rsa.getPrivate(), d.keys().get("r"));
    assertEquals(ec.getPrivate(), d.keys().get("e"));
  }

  @Test
  void whenAPemFileIsNotAnUnencryptedPkcs8KeyThenTheErrorSaysHowToConvertIt() throws Exception {
    Path pkcs1 =
        Files.writeString(
            dir.resolve("pkcs1.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path garbage =
        Files.writeString(
            dir.resolve("garbage.pem"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Path notBase64 =
        Files.writeString(
            dir.resolve("odd.pem"), "-----BEGIN PRIVATE KEY-----\n*\n-----END PRIVATE KEY-----\n");

    String message = failure(() -> Decryption.builder().pemKey("old", pkcs1));
    assertTrue(message.startsWith("gatehouse.decryption.pem-keys: old=" + pkcs1), message);
    assertTrue(message.contains("openssl pkcs8 -topk8 -nocrypt"), message);
    assertTrue(failure(() -> Decryption.builder().pemKey("g", garbage)).contains("neither"));
    assertTrue(failure(() -> Decryption.builder().pemKey("o", notBase64)).contains("not base64"));
    assertTrue(
        failure(() -> Decryption.builder().pemKey("m", dir.resolve("none.pem")))
            .contains("cannot be read"));
  }

  @Test
  void whenPrintedThenOnlyKidsAndAlgorithmsShow() {
    Decryption d = Decryption.builder().key("enc-7", rsa.getPrivate()).build();

    assertEquals(
        "Decryption[kids=[enc-7], alg=[RSA-OAEP-256, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A256KW],"
            + " enc=[A256GCM, A128GCM]]",
        d.toString());
  }
}
