package dev.gatehouse;

import static dev.gatehouse.testing.Refusals.BAD_ALGORITHM;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.CRITICAL;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.NOT_AN_ACCESS_TOKEN;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.List;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWS header and the signature: which algorithms, types and keys are trusted. */
class FilterSignatureTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(config().build());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  @Nested
  class Algorithm {

    @Test
    void whenAlgIsNoneWithAnEmptySignatureThenRejectedBeforeParsing() {
      assertRejected(MALFORMED_TOKEN, api.get(tokens.valid().unsigned().build()));
    }

    @Test
    void whenAlgIsNoneWithSomeSignatureThen401BadAlgorithm() {
      assertRejected(BAD_ALGORITHM, api.get(tokens.valid().unsigned().build() + "c2ln"));
    }

    @Test
    void whenHs256IsSignedWithTheProvidersPublicKeyThen401BadAlgorithm() {
      assertRejected(
          BAD_ALGORITHM, api.get(tokens.valid().hmacWithPublicKeyOf(TestKeys.RSA).build()));
    }

    @Test
    void whenOnlyEs256IsAllowedThenAnRs256TokenIsRejected() {
      try (ProtectedApi ecOnly = ProtectedApi.start(config().algorithms("ES256").build())) {
        assertRejected(BAD_ALGORITHM, ecOnly.get(tokens.valid().build()));
        assertEquals(200, ecOnly.get(tokens.valid().signedWith(TestKeys.EC).build()).status());
      }
    }

    @Test
    void whenAnAllowedButUnconfiguredAlgorithmIsUsedThenRejected() {
      assertRejected(BAD_ALGORITHM, api.get(tokens.valid().signedWith(TestKeys.EC).build()));
    }
  }

  @Nested
  class TokenType {

    @ParameterizedTest
    @ValueSource(strings = {"id_token+jwt", "dpop+jwt", "logout+jwt", "secevent+jwt", "JOSE"})
    void whenTypNamesAnotherKindOfTokenThen401(String typ) {
      assertRejected(NOT_AN_ACCESS_TOKEN, api.get(tokens.valid().typ(typ).build()));
    }

    @Test
    void whenTypIsNotAStringThen401() {
      assertRejected(NOT_AN_ACCESS_TOKEN, api.get(tokens.valid().header("typ", 1).build()));
    }
  }

  @Nested
  class CriticalHeaders {

    @Test
    void whenCritNamesAnExtensionThen401() {
      String token =
          tokens
              .valid()
              .header("crit", List.of("urn:example:policy"))
              .header("urn:example:policy", "strict")
              .build();

      assertRejected(CRITICAL, api.get(token));
    }

    @Test
    void whenUnencodedPayloadIsRequestedThen401() {
      String token = tokens.valid().header("b64", true).header("crit", List.of("b64")).build();

      assertRejected(CRITICAL, api.get(token));
    }
  }

  @Nested
  class Keys {

    @Test
    void whenKidIsUnknownThen401UnknownKey() {
      assertRejected(UNKNOWN_KEY, api.get(tokens.valid().signedWith(TestKeys.ATTACKER).build()));
    }

    @Test
    void whenSignedByAnotherKeyUnderATrustedKidThen401BadSignature() {
      String token =
          tokens.valid().signedWith(TestKeys.ATTACKER).kid(TestKeys.RSA.getKeyId()).build();

      assertRejected(BAD_SIGNATURE, api.get(token));
    }

    @Test
    void whenSignedByAnotherKeyWithoutKidThen401BadSignature() {
      String token = tokens.valid().signedWith(TestKeys.ATTACKER).withoutHeader("kid").build();

      assertRejected(BAD_SIGNATURE, api.get(token));
    }

    @Test
    void whenThePayloadIsSwappedThen401BadSignature() {
      String[] genuine = tokens.valid().build().split("\\.");
      String[] forged = tokens.valid().scope("read write admin").build().split("\\.");

      assertRejected(BAD_SIGNATURE, api.get(genuine[0] + "." + forged[1] + "." + genuine[2]));
    }
  }

  @Nested
  class KeysNamedInsideTheToken {

    @Test
    void whenJkuPointsToAnotherKeySetThenItIsNeverFetched() {
      String path = "/attacker/jwks.json";
      String token =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .header("jku", provider.uri(path).toString())
              .build();

      assertRejected(UNKNOWN_KEY, api.get(token));
      assertEquals(0, provider.requests(path));
    }

    @Test
    void whenX5uPointsToACertificateThenItIsNeverFetched() {
      String path = "/attacker/cert.pem";
      String token =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .header("x5u", provider.uri(path).toString())
              .build();

      assertRejected(UNKNOWN_KEY, api.get(token));
      assertEquals(0, provider.requests(path));
    }

    @Test
    void whenAnEmbeddedJwkCarriesTheSigningKeyThenItIsIgnored() {
      String token =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .header("jwk", TestKeys.ATTACKER.toParams(OutputControlLevel.PUBLIC_ONLY))
              .build();

      assertRejected(UNKNOWN_KEY, api.get(token));
    }

    @Test
    void whenAnEmbeddedJwkCarriesTheSigningKeyAndNoKidIsGivenThenTheTrustedKeyDecides() {
      String token =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .withoutHeader("kid")
              .header("jwk", TestKeys.ATTACKER.toParams(OutputControlLevel.PUBLIC_ONLY))
              .build();

      assertRejected(BAD_SIGNATURE, api.get(token));
    }
  }

  @Nested
  class KeysTheProviderShouldNotPublish {

    private static LocalJwksServer careless;
    private static TestTokens carelessTokens;
    private static ProtectedApi carelessApi;
    private static RsaJsonWebKey encryptionKey;

    @BeforeAll
    static void start() throws JoseException {
      encryptionKey =
          (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA_NEXT.getPublicKey());
      encryptionKey.setPrivateKey(TestKeys.RSA_NEXT.getPrivateKey());
      encryptionKey.setKeyId("rsa-enc");
      encryptionKey.setUse("enc");
      careless =
          LocalJwksServer.start()
              .keys(TestKeys.RSA, TestKeys.RSA_1024, TestKeys.OCT, encryptionKey);
      carelessTokens = new TestTokens(careless.issuer());
      carelessApi =
          ProtectedApi.start(
              GatehouseConfig.forIssuer(careless.issuer())
                  .audiences(AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .build());
    }

    @AfterAll
    static void stop() {
      carelessApi.close();
      careless.close();
    }

    @Test
    void whenSignedWithThePublishedRsa1024KeyThen401UnknownKey() {
      String token = carelessTokens.valid().signedWith(TestKeys.RSA_1024).build();

      assertRejected(UNKNOWN_KEY, carelessApi.get(token));
      assertEquals(200, carelessApi.get(carelessTokens.valid().build()).status());
    }

    @Test
    void whenNamingThePublishedOctKeyThenItIsNeverUsed() {
      String rs256 =
          carelessTokens.valid().signedWith(TestKeys.ATTACKER).kid(TestKeys.OCT.getKeyId()).build();

      assertRejected(UNKNOWN_KEY, carelessApi.get(rs256));
    }

    @Test
    void whenHmacSignedWithThePublishedOctKeyThen401BadAlgorithm() {
      String token = carelessTokens.valid().hmacWith(TestKeys.OCT).build();

      assertRejected(BAD_ALGORITHM, carelessApi.get(token));
    }

    @Test
    void whenSignedWithAKeyPublishedForEncryptionThen401UnknownKey() {
      String token = carelessTokens.valid().signedWith(encryptionKey).build();

      assertRejected(UNKNOWN_KEY, carelessApi.get(token));
    }
  }

  @Nested
  class KeysPublishedWithoutKid {

    private static LocalJwksServer anonymous;
    private static TestTokens anonymousTokens;
    private static ProtectedApi anonymousApi;

    @BeforeAll
    static void start() throws JoseException {
      PublicJsonWebKey unnamed = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublicKey());
      anonymous = LocalJwksServer.start().keys(unnamed);
      anonymousTokens = new TestTokens(anonymous.issuer());
      anonymousApi =
          ProtectedApi.start(
              GatehouseConfig.forIssuer(anonymous.issuer())
                  .audiences(AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .build());
    }

    @AfterAll
    static void stop() {
      anonymousApi.close();
      anonymous.close();
    }

    @Test
    void whenTheTokenNamesAKidThenTheUnnamedKeyThatVerifiesItIsUsed() {
      assertEquals(200, anonymousApi.get(anonymousTokens.valid().build()).status());
      assertEquals(
          200, anonymousApi.get(anonymousTokens.valid().withoutHeader("kid").build()).status());
    }

    @Test
    void whenTheUnnamedKeyDoesNotVerifyTheTokenThenItIsNotUsed() {
      String token = anonymousTokens.valid().signedWith(TestKeys.ATTACKER).build();

      assertRejected(UNKNOWN_KEY, anonymousApi.get(token));
    }
  }
}
