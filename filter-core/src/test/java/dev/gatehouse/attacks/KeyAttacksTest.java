package dev.gatehouse.attacks;

import static dev.gatehouse.attacks.AttackDefaults.defaults;
import static dev.gatehouse.testing.Refusals.BAD_ALGORITHM;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8725 sections 3.10 and 2.1, RFC 7515 section 10: where the verification key comes from. A
 * token can never bring its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), its
 * {@code kid} is only ever compared with the trusted set, and the trusted set itself is filtered:
 * weak RSA, symmetric and duplicate-{@code kid} keys cannot be turned against the filter.
 */
class KeyAttacksTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  /** Serves the attacker's JWKS for real; the filter must never ask it for anything. */
  private static LocalJwksServer attacker;

  private static ProtectedApi api;

  @BeforeAll
  static void start() {
    attacker = LocalJwksServer.start().keys(TestKeys.ATTACKER);
    api = ProtectedApi.start(defaults(provider).build());
  }

  @AfterAll
  static void stop() {
    api.close();
    attacker.close();
  }

  /** Only discovery and the trusted JWKS were ever asked for, on either host. */
  private static void assertOnlyTheTrustedKeySetWasFetched() {
    assertEquals(
        provider.discoveryRequests() + provider.jwksRequests(),
        provider.totalRequests(),
        "the trusted provider was asked for a path a token named");
    assertEquals(0, attacker.totalRequests(), "the attacker's host was contacted");
  }

  @Nested
  class KeysNamedByUrl {

    static Stream<String> smuggledUrls() {
      return Stream.of(
          attacker.jwksUri().toString(),
          attacker.uri("/.well-known/jwks.json").toString(),
          // Same origin as the trusted provider, another path: a prefix check would pass it.
          provider.uri("/jwks/../smuggled/jwks").toString(),
          provider.uri("/smuggled/jwks").toString(),
          provider.jwksUri() + "?attacker=1");
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.KeyAttacksTest$KeysNamedByUrl#smuggledUrls")
    void whenJkuNamesAKeySetHoldingTheSigningKeyThenItIsNeverFetched(String url) {
      String named = tokens.valid().signedWith(TestKeys.ATTACKER).header("jku", url).build();
      String trustedKid =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .kid(TestKeys.RSA.getKeyId())
              .header("jku", url)
              .build();
      String noKid =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .withoutHeader("kid")
              .header("jku", url)
              .build();

      assertRejected(UNKNOWN_KEY, api.get(named));
      assertRejected(BAD_SIGNATURE, api.get(trustedKid));
      assertRejected(BAD_SIGNATURE, api.get(noKid));
      assertOnlyTheTrustedKeySetWasFetched();
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.KeyAttacksTest$KeysNamedByUrl#smuggledUrls")
    void whenX5uNamesACertificateThenItIsNeverFetched(String url) {
      String named = tokens.valid().signedWith(TestKeys.ATTACKER).header("x5u", url).build();
      String noKid =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .withoutHeader("kid")
              .header("x5u", url)
              .build();

      assertRejected(UNKNOWN_KEY, api.get(named));
      assertRejected(BAD_SIGNATURE, api.get(noKid));
      assertOnlyTheTrustedKeySetWasFetched();
    }

    @Test
    void whenAGenuineTokenAlsoNamesJkuAndX5uThenTheyAreIgnoredNotFetched() {
      String token =
          tokens
              .valid()
              .header("jku", attacker.jwksUri().toString())
              .header("x5u", attacker.uri("/cert.pem").toString())
              .build();

      assertAccepted(api.get(token));
      assertOnlyTheTrustedKeySetWasFetched();
    }
  }

  @Nested
  class KeysCarriedInTheToken {

    private static AttackerCertificate certificate;

    @BeforeAll
    static void makeCertificate() {
      certificate = AttackerCertificate.generate();
    }

    private String x5cToken(Map<String, Object> extraHeaders) throws Exception {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("alg", "RS256");
      header.put("typ", "JWT");
      header.put("x5c", List.of(certificate.x5c()));
      header.putAll(extraHeaders);
      return Forge.rs256(
          Forge.json(header), Forge.json(tokens.valid().claims()), certificate.privateKey());
    }

    private String sha256Thumbprint() throws Exception {
      return Forge.b64(
          MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()));
    }

    @Test
    void whenX5cCarriesTheSigningCertificateThenItIsIgnored() throws Exception {
      assertRejected(BAD_SIGNATURE, api.get(x5cToken(Map.of())));
      assertRejected(BAD_SIGNATURE, api.get(x5cToken(Map.of("kid", TestKeys.RSA.getKeyId()))));
      assertRejected(UNKNOWN_KEY, api.get(x5cToken(Map.of("kid", "attacker-cert"))));
      assertOnlyTheTrustedKeySetWasFetched();
    }

    @Test
    void whenX5cComesWithMatchingThumbprintsThenTheyDoNotSelectIt() throws Exception {
      Map<String, Object> thumbprints = Map.of("x5t#S256", sha256Thumbprint());

      assertRejected(BAD_SIGNATURE, api.get(x5cToken(thumbprints)));
    }

    @Test
    void whenJwkCarriesTheSigningKeyUnderEveryKidChoiceThenItIsIgnored() {
      Map<String, Object> jwk = TestKeys.ATTACKER.toParams(OutputControlLevel.PUBLIC_ONLY);
      String ownKid = tokens.valid().signedWith(TestKeys.ATTACKER).header("jwk", jwk).build();
      String trustedKid =
          tokens
              .valid()
              .signedWith(TestKeys.ATTACKER)
              .kid(TestKeys.RSA.getKeyId())
              .header("jwk", jwk)
              .build();

      assertRejected(UNKNOWN_KEY, api.get(ownKid));
      assertRejected(BAD_SIGNATURE, api.get(trustedKid));
    }

    @Test
    void whenJwkCarriesASymmetricKeyForHmacThenRefusedForTheAlgorithm() {
      OctetSequenceJsonWebKey secret = TestKeys.OCT;
      String token =
          tokens
              .valid()
              .hmacWith(secret)
              .header("jwk", secret.toParams(OutputControlLevel.INCLUDE_SYMMETRIC))
              .build();

      assertRejected(BAD_ALGORITHM, api.get(token));
    }
  }

  /**
   * The {@code kid} is attacker-controlled text. Signed here with the genuine key, so that only the
   * {@code kid} can make a difference: it must never be used as a path, a URL or a log line.
   */
  @Nested
  class HostileKeyIds {

    static Stream<String> hostile() {
      return Stream.of(
          "../../../../../../etc/passwd",
          "..\\..\\..\\windows\\win.ini",
          "/etc/passwd",
          "file:///etc/passwd",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "/jwks",
          "http://127.0.0.1:1/jwks",
          "rsa-1/../rsa-1",
          "RSA-1",
          "rsa-1 ",
          " rsa-1",
          "rsa-1\u0000",
          "rsa\u20111", // a non-breaking hyphen that looks like "rsa-1"
          "\u202ersa-1", // right-to-left override
          "r\u0073a-1\u200b", // zero-width space
          "\uD83D\uDD11",
          "rsa-1\r\nX-Injected: yes",
          "' OR '1'='1",
          "${jndi:ldap://127.0.0.1:1/a}",
          "",
          "k".repeat(5000));
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.KeyAttacksTest$HostileKeyIds#hostile")
    void whenKidIsHostileTextThenTheTokenIsRefusedAsSignedWithAnUnknownKey(String kid) {
      assertRejected(UNKNOWN_KEY, api.get(tokens.valid().kid(kid).build()));
      assertOnlyTheTrustedKeySetWasFetched();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "[\"rsa-1\"]", "{\"kid\":\"rsa-1\"}", "true"})
    void whenKidIsNotAStringThenRefusedAsMalformed(String kidJson) {
      String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + kidJson + "}";
      String token =
          Forge.rs256(header, Forge.json(tokens.valid().claims()), TestKeys.RSA.getPrivateKey());

      assertRejected(MALFORMED_TOKEN, api.get(token));
    }

    @Test
    void whenKidIsNullThenItCountsAsAbsentAndTheSignatureDecides() {
      String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":null}";
      String claims = Forge.json(tokens.valid().claims());

      assertAccepted(api.get(Forge.rs256(header, claims, TestKeys.RSA.getPrivateKey())));
      assertRejected(
          BAD_SIGNATURE, api.get(Forge.rs256(header, claims, TestKeys.ATTACKER.getPrivateKey())));
    }
  }

  /**
   * What the provider publishes is trusted, but not blindly: a careless or partly compromised key
   * set must not let weak or symmetric keys verify anything, even under a trusted {@code kid}.
   */
  @Nested
  class KeySetContents {

    private LocalJwksServer careless;
    private ProtectedApi carelessApi;
    private TestTokens carelessTokens;

    private void publish(JsonWebKey... keys) {
      careless = LocalJwksServer.start().keys(keys);
      carelessTokens = new TestTokens(careless.issuer());
      carelessApi =
          ProtectedApi.start(
              GatehouseConfig.forIssuer(careless.issuer())
                  .audiences(TestTokens.AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .algorithms(GatehouseConfig.SUPPORTED_ALGORITHMS)
                  .build());
    }

    @AfterEach
    void stop() {
      if (carelessApi != null) {
        carelessApi.close();
        careless.close();
      }
    }

    private static RsaJsonWebKey relabelled(PublicJsonWebKey key, String kid) throws JoseException {
      RsaJsonWebKey copy =
          (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey());
      copy.setPrivateKey(key.getPrivateKey());
      copy.setKeyId(kid);
      copy.setUse("sig");
      return copy;
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2040})
    void whenAnRsaKeyShorterThan2048BitsIsPublishedThenItNeverVerifies(int bits)
        throws JoseException {
      RsaJsonWebKey weak = RsaJwkGenerator.generateJwk(bits);
      weak.setKeyId("weak-" + bits);
      publish(TestKeys.RSA, weak);

      assertRejected(UNKNOWN_KEY, carelessApi.get(carelessTokens.valid().signedWith(weak).build()));
      // Without a kid the strong key is the only candidate, and it does not verify.
      assertRejected(
          BAD_SIGNATURE,
          carelessApi.get(carelessTokens.valid().signedWith(weak).withoutHeader("kid").build()));
      assertAccepted(carelessApi.get(carelessTokens.valid().build()));
    }

    @Test
    void whenOnlyASymmetricKeyIsPublishedThenNothingVerifies() {
      publish(TestKeys.OCT);

      assertRejected(
          BAD_ALGORITHM, carelessApi.get(carelessTokens.valid().hmacWith(TestKeys.OCT).build()));
      assertRejected(
          UNKNOWN_KEY,
          carelessApi.get(carelessTokens.valid().kid(TestKeys.OCT.getKeyId()).build()));
      assertRejected(
          UNKNOWN_KEY, carelessApi.get(carelessTokens.valid().withoutHeader("kid").build()));
    }

    @Test
    void whenTwoStrongKeysShareAKidThenEitherVerifiesAndNoOtherKeyDoes() throws JoseException {
      RsaJsonWebKey twin = relabelled(TestKeys.RSA_NEXT, TestKeys.RSA.getKeyId());
      publish(TestKeys.RSA, twin);

      assertAccepted(carelessApi.get(carelessTokens.valid().build()));
      assertAccepted(carelessApi.get(carelessTokens.valid().signedWith(twin).build()));
      assertRejected(
          UNKNOWN_KEY,
          carelessApi.get(
              carelessTokens
                  .valid()
                  .signedWith(TestKeys.ATTACKER)
                  .kid(TestKeys.RSA.getKeyId())
                  .build()));
    }

    @Test
    void whenAWeakKeySharesTheKidOfAStrongOneThenTheWeakOneStillNeverVerifies()
        throws JoseException {
      RsaJsonWebKey weakTwin = relabelled(TestKeys.RSA_1024, TestKeys.RSA.getKeyId());
      publish(TestKeys.RSA, weakTwin);

      assertRejected(
          BAD_SIGNATURE, carelessApi.get(carelessTokens.valid().signedWith(weakTwin).build()));
      assertAccepted(carelessApi.get(carelessTokens.valid().build()));
    }

    @Test
    void whenASymmetricKeySharesTheKidOfAnRsaKeyThenHmacIsStillRefused() {
      OctetSequenceJsonWebKey octTwin = new OctetSequenceJsonWebKey(TestKeys.OCT.getKey());
      octTwin.setKeyId(TestKeys.RSA.getKeyId());
      publish(TestKeys.RSA, octTwin);

      assertRejected(
          BAD_ALGORITHM, carelessApi.get(carelessTokens.valid().hmacWith(octTwin).build()));
      assertAccepted(carelessApi.get(carelessTokens.valid().build()));
    }
  }
}
