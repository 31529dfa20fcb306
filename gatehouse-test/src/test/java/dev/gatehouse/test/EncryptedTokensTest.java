package dev.gatehouse.test;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted access tokens from the kit (nested JWTs): what {@code encrypted()} makes is what a
 * provider such as Auth0 sends, and the real GatehouseFilter, given the kit's key, accepts it or
 * refuses it for the reason the token inside or the encryption is named after.
 */
class EncryptedTokensTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  @TempDir Path keys;

  private ProtectedApp decrypting() throws Exception {
    return ProtectedApp.withInitParams(kit.provider().settingsWithDecryption(keys));
  }

  @Test
  void whenATokenIsEncryptedThenItIsACompactJweToTheKitsKeyWithTheDefaultAlgorithms(Tokens tokens)
      throws Exception {
    String token = tokens.valid().encrypted().build();

    String[] parts = token.split("\\.", -1);
    Map<String, Object> header =
        JsonUtil.parseJson(
            new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    assertEquals(5, parts.length);
    assertEquals("RSA-OAEP-256", header.get("alg"));
    assertEquals("A256GCM", header.get("enc"));
    assertEquals("JWT", header.get("cty"));
    assertEquals(kit.provider().encryptionKey().kid(), header.get("kid"));
  }

  @Test
  void whenGatehouseHasTheKitsKeyThenAnEncryptedTokenIsAccepted(Tokens tokens) throws Exception {
    try (ProtectedApp app = decrypting()) {
      HttpResponse<String> response =
          app.get(tokens.valid().subject("encrypted-user").encrypted().build());

      assertThat(response).isAccepted();
      assertEquals("encrypted-user", response.body());
    }
  }

  @Test
  void whenTheTokenInsideIsExpiredThenTheEncryptedTokenIsRefusedAsExpired(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = decrypting()) {
      assertThat(app.get(tokens.expired().encrypted().build())).isRefused(Rejection.EXPIRED);
    }
  }

  @Test
  void whenTheTokenIsEncryptedToAnotherKeyUnderTheSameKidThenItCannotBeDecrypted(Tokens tokens)
      throws Exception {
    EncryptionKey impostor = EncryptionKey.generate(kit.provider().encryptionKey().kid());
    try (ProtectedApp app = decrypting()) {
      assertThat(app.get(tokens.valid().encryptedFor(impostor).build()))
          .isRefused(Rejection.UNDECRYPTABLE);
    }
  }

  @Test
  void whenTheAlgorithmsAreNotTheDefaultsThenGatehouseJudgesThemByItsLists(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = decrypting()) {
      assertThat(app.get(tokens.valid().encryptedWith("RSA1_5", "A256GCM").build()))
          .isRefused(Rejection.UNSUPPORTED_ENCRYPTION);
      assertThat(app.get(tokens.valid().encryptedWith("RSA-OAEP", "A256GCM").build()))
          .isRefused(Rejection.UNSUPPORTED_ENCRYPTION);
      assertThat(app.get(tokens.valid().encryptedWith("RSA-OAEP-256", "A128GCM").build()))
          .isAccepted();
    }
  }

  @Test
  void whenGatehouseHasNoDecryptionKeyThenAnEncryptedTokenIsMalformed(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      assertThat(app.get(tokens.valid().encrypted().build())).isRefused(Rejection.MALFORMED_TOKEN);
    }
  }

  @Test
  void whenTheKeyIsPrintedThenOnlyItsKidShows() {
    EncryptionKey key = EncryptionKey.generate("enc-test");

    assertEquals("EncryptionKey[enc-test]", key.toString());
  }
}
