package dev.gatehouse.attacks;

import static dev.gatehouse.attacks.AttackDefaults.defaults;
import static dev.gatehouse.testing.Refusals.BAD_ALGORITHM;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.math.BigInteger;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8725 section 2.1 and 3.1: attacks on the {@code alg} header and on signature verification
 * itself. Every token here is refused by the real filter; the exact status and challenge are
 * asserted.
 */
class AlgorithmAttacksTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;

  /** Every algorithm Gatehouse supports switched on: still no {@code none}, still no HMAC. */
  private static ProtectedApi permissive;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(defaults(provider).build());
    permissive =
        ProtectedApi.start(
            defaults(provider).algorithms(GatehouseConfig.SUPPORTED_ALGORITHMS).build());
  }

  @AfterAll
  static void stop() {
    api.close();
    permissive.close();
  }

  private static String claimsJson() {
    return Forge.json(tokens.valid().claims());
  }

  private static String header(String alg, String kid) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", alg);
    header.put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    return Forge.json(header);
  }

  @Nested
  class AlgNone {

    /** {@code header.payload} with this {@code alg}; jose4j refuses to write most of these. */
    private static String unsigned(String alg) {
      return Forge.b64(header(alg, null)) + "." + Forge.b64(claimsJson());
    }

    static Stream<String> spellings() {
      return Stream.of("none", "None", "NONE", "nOnE", "nonE", " none", "none ", "none\u0000");
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.AlgorithmAttacksTest$AlgNone#spellings")
    void whenUnsignedWithAnEmptySignatureThenRefusedAsMalformedBeforeParsing(String alg) {
      String token = unsigned(alg) + ".";

      assertRejected(MALFORMED_TOKEN, api.get(token));
      assertRejected(MALFORMED_TOKEN, permissive.get(token));
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.AlgorithmAttacksTest$AlgNone#spellings")
    void whenUnsignedWithSomeSignatureBytesThenRefusedForTheAlgorithm(String alg) {
      String token = unsigned(alg) + ".c2lnbmF0dXJl";

      assertRejected(BAD_ALGORITHM, api.get(token));
      assertRejected(BAD_ALGORITHM, permissive.get(token));
    }

    @Test
    void whenAGenuineSignatureIsRelabelledNoneThenRefusedForTheAlgorithm() {
      String genuine = tokens.valid().build();
      String relabelled =
          Forge.b64(header("none", TestKeys.RSA.getKeyId()))
              + genuine.substring(genuine.indexOf('.'));

      assertRejected(BAD_ALGORITHM, api.get(relabelled));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"typ\":\"JWT\"}", "{\"alg\":null}", "{\"alg\":\"\"}"})
    void whenAlgIsMissingNullOrEmptyThenRefusedForTheAlgorithm(String headerJson) {
      String token = Forge.rs256(headerJson, claimsJson(), TestKeys.RSA.getPrivateKey());

      assertRejected(BAD_ALGORITHM, api.get(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":[\"RS256\"]}", "{\"alg\":{\"RS256\":true}}", "{\"alg\":256}"})
    void whenAlgIsNotAStringThenRefusedAsMalformedNot500(String headerJson) {
      String token = Forge.rs256(headerJson, claimsJson(), TestKeys.RSA.getPrivateKey());

      assertRejected(MALFORMED_TOKEN, api.get(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "HS256", "HS384", "HS512", "RS1", "ES256K"})
    void whenTheApplicationAsksForNoneOrHmacThenTheConfigurationIsRefused(String alg) {
      GatehouseConfigBuilder config = defaults(provider).algorithms("RS256", alg);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::build);
      assertEquals(true, e.getMessage().startsWith("gatehouse.algorithms: "), e.getMessage());
    }
  }

  @Nested
  class KeyConfusion {

    private static byte[] der() {
      return TestKeys.RSA.getPublicKey().getEncoded();
    }

    private static byte[] pem() {
      return TestKeys.pem(TestKeys.RSA).getBytes(UTF_8);
    }

    private static byte[] jwk() {
      return TestKeys.RSA.toJson(OutputControlLevel.PUBLIC_ONLY).getBytes(UTF_8);
    }

    private static byte[] modulus() {
      return TestKeys.RSA.getRsaPublicKey().getModulus().toByteArray();
    }

    static Stream<Arguments> publicKeyAsSecret() {
      Stream.Builder<Arguments> all = Stream.builder();
      for (String[] alg :
          List.of(
              new String[] {"HS256", "HmacSHA256"},
              new String[] {"HS384", "HmacSHA384"},
              new String[] {"HS512", "HmacSHA512"})) {
        all.add(Arguments.of(alg[0], alg[1], "DER", der()));
        all.add(Arguments.of(alg[0], alg[1], "PEM", pem()));
        all.add(Arguments.of(alg[0], alg[1], "JWK", jwk()));
        all.add(Arguments.of(alg[0], alg[1], "modulus", modulus()));
      }
      return all.build();
    }

    @ParameterizedTest(name = "{0} keyed with the RSA public key as {2}")
    @MethodSource("dev.gatehouse.attacks.AlgorithmAttacksTest$KeyConfusion#publicKeyAsSecret")
    void whenHmacIsKeyedWithTheProvidersPublicKeyThenRefusedForTheAlgorithm(
        String alg, String jca, String form, byte[] secret) {
      String token = Forge.hmac(header(alg, TestKeys.RSA.getKeyId()), claimsJson(), secret, jca);

      assertRejected(BAD_ALGORITHM, api.get(token));
      assertRejected(BAD_ALGORITHM, permissive.get(token));
    }

    @Test
    void whenHmacIsKeyedWithThePublishedEcKeyThenRefusedForTheAlgorithm() {
      byte[] secret = TestKeys.EC.getPublicKey().getEncoded();
      String token =
          Forge.hmac(header("HS256", TestKeys.EC.getKeyId()), claimsJson(), secret, "HmacSHA256");

      assertRejected(BAD_ALGORITHM, permissive.get(token));
    }

    @Test
    void whenTheAlgorithmNamesAnotherKeyTypeThanTheKidThenTheKeyIsNotUsed() {
      byte[] junk = new byte[64];
      String es256OnRsaKey =
          Forge.withSignature(
              Forge.rs256(
                  header("ES256", TestKeys.RSA.getKeyId()),
                  claimsJson(),
                  TestKeys.RSA.getPrivateKey()),
              junk);
      String rs256OnEcKey =
          Forge.rs256(
              header("RS256", TestKeys.EC.getKeyId()),
              claimsJson(),
              TestKeys.ATTACKER.getPrivateKey());
      String eddsaOnRsaKey =
          Forge.withSignature(
              Forge.rs256(
                  header("EdDSA", TestKeys.RSA.getKeyId()),
                  claimsJson(),
                  TestKeys.RSA.getPrivateKey()),
              junk);

      assertRejected(UNKNOWN_KEY, permissive.get(es256OnRsaKey));
      assertRejected(UNKNOWN_KEY, permissive.get(rs256OnEcKey));
      assertRejected(UNKNOWN_KEY, permissive.get(eddsaOnRsaKey));
    }

    @Test
    void whenAnRsaSignatureIsRelabelledPs256ThenItDoesNotVerify() {
      String genuine = tokens.valid().build();
      String relabelled =
          Forge.b64(header("PS256", TestKeys.RSA.getKeyId()))
              + genuine.substring(genuine.indexOf('.'));

      assertRejected(BAD_ALGORITHM, api.get(relabelled));
      assertRejected(BAD_SIGNATURE, permissive.get(relabelled));
    }
  }

  /**
   * A signature longer than its algorithm produces. Found by fuzzing: Java 17's Ed25519 accepts a
   * signature with a zero byte appended (one extra {@code A} at the end of the token), which made
   * one token verify under two spellings. Each algorithm's exact length is now required.
   */
  @Nested
  class SignatureLengths {

    private static LocalJwksServer edProvider;
    private static TestTokens edTokens;
    private static ProtectedApi edApi;
    private static OctetKeyPairJsonWebKey ed448;

    @BeforeAll
    static void start() throws JoseException {
      ed448 = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED448);
      ed448.setKeyId("ed-448");
      edProvider = LocalJwksServer.start().keys(TestKeys.RSA, TestKeys.EC, TestKeys.ED25519, ed448);
      edTokens = new TestTokens(edProvider.issuer());
      edApi =
          ProtectedApi.start(
              GatehouseConfig.forIssuer(edProvider.issuer())
                  .audiences(TestTokens.AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .algorithms("RS256", "ES256", "EdDSA")
                  .build());
    }

    @AfterAll
    static void stop() {
      edApi.close();
      edProvider.close();
    }

    static Stream<Arguments> lengthenedSignatures() {
      return Stream.of(
          Arguments.of("Ed25519", "A", BAD_SIGNATURE),
          Arguments.of("Ed25519", "AAAA", BAD_SIGNATURE),
          // 114 bytes are 152 characters; one more is a length no byte string has.
          Arguments.of("Ed448", "A", MALFORMED_TOKEN),
          Arguments.of("Ed448", "AAAA", BAD_SIGNATURE),
          Arguments.of("ES256", "AAAA", BAD_SIGNATURE),
          Arguments.of("RS256", "AAAA", BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource(
        "dev.gatehouse.attacks.AlgorithmAttacksTest$SignatureLengths#lengthenedSignatures")
    void whenZeroBytesAreAppendedToAGenuineSignatureThenItIsRefused(
        String key, String suffix, String refusal) {
      String genuine =
          switch (key) {
            case "Ed25519" -> edTokens.valid().signedWith(TestKeys.ED25519).build();
            case "Ed448" -> edTokens.valid().signedWith(ed448).build();
            case "ES256" -> edTokens.valid().signedWith(TestKeys.EC).build();
            default -> edTokens.valid().build();
          };
      assertAccepted(edApi.get(genuine));

      assertRejected(refusal, edApi.get(genuine + suffix));
    }

    @Test
    void whenTheSignatureIsShortenedThenItIsInvalid() {
      String genuine = edTokens.valid().signedWith(TestKeys.ED25519).build();
      byte[] signature = Base64.getUrlDecoder().decode(Forge.segment(genuine, 2));

      assertRejected(
          BAD_SIGNATURE, edApi.get(Forge.withSignature(genuine, Arrays.copyOf(signature, 63))));
    }
  }

  /**
   * CVE-2022-21449 ("psychic signatures"): Java 15 to 18.0.1 accepted the ECDSA signature r = s = 0
   * for any message and key. The JDK in use must refuse it, and so must the filter, for every curve
   * and for the other out-of-range values r, s in {0, n}.
   */
  @Nested
  class PsychicSignatures {

    private static LocalJwksServer ecProvider;
    private static TestTokens ecTokens;
    private static ProtectedApi ecApi;
    private static EllipticCurveJsonWebKey p384;
    private static EllipticCurveJsonWebKey p521;

    @BeforeAll
    static void start() throws JoseException {
      p384 = EcJwkGenerator.generateJwk(EllipticCurves.P384);
      p384.setKeyId("ec-384");
      p521 = EcJwkGenerator.generateJwk(EllipticCurves.P521);
      p521.setKeyId("ec-521");
      ecProvider = LocalJwksServer.start().keys(TestKeys.EC, p384, p521);
      ecTokens = new TestTokens(ecProvider.issuer());
      ecApi =
          ProtectedApi.start(
              GatehouseConfig.forIssuer(ecProvider.issuer())
                  .audiences(TestTokens.AUDIENCE)
                  .allowInsecureLoopbackHttp()
                  .algorithms("ES256", "ES384", "ES512")
                  .build());
    }

    @AfterAll
    static void stop() {
      ecApi.close();
      ecProvider.close();
    }

    /** Curve, JWS alg, JCA algorithm, key, and the byte length of r and of s. */
    private record Curve(String alg, String jca, EllipticCurveJsonWebKey key, int width) {

      BigInteger order() {
        return ((ECPublicKey) key.getPublicKey()).getParams().getOrder();
      }

      String genuine() {
        String header = AlgorithmAttacksTest.header(alg, key.getKeyId());
        return Forge.signed(
            header,
            Forge.json(ecTokens.valid().claims()),
            key.getPrivateKey(),
            jca + "inP1363Format");
      }

      byte[] signature(BigInteger r, BigInteger s) {
        return Forge.concat(Forge.unsigned(r, width), Forge.unsigned(s, width));
      }
    }

    static Stream<Arguments> outOfRange() {
      Stream.Builder<Arguments> all = Stream.builder();
      List<Curve> curves =
          List.of(
              new Curve("ES256", "SHA256withECDSA", TestKeys.EC, 32),
              new Curve("ES384", "SHA384withECDSA", p384, 48),
              new Curve("ES512", "SHA512withECDSA", p521, 66));
      for (Curve c : curves) {
        BigInteger n = c.order();
        all.add(Arguments.of(c.alg, "r=s=0", c, c.signature(BigInteger.ZERO, BigInteger.ZERO)));
        all.add(Arguments.of(c.alg, "r=s=n", c, c.signature(n, n)));
        all.add(Arguments.of(c.alg, "r=0,s=n", c, c.signature(BigInteger.ZERO, n)));
        all.add(Arguments.of(c.alg, "r=n,s=0", c, c.signature(n, BigInteger.ZERO)));
        all.add(
            Arguments.of(
                c.alg, "r=s=n+1", c, c.signature(n.add(BigInteger.ONE), n.add(BigInteger.ONE))));
        BigInteger max = BigInteger.ONE.shiftLeft(8 * c.width).subtract(BigInteger.ONE);
        all.add(Arguments.of(c.alg, "r=s=2^k-1", c, c.signature(max, max)));
      }
      return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.gatehouse.attacks.AlgorithmAttacksTest$PsychicSignatures#outOfRange")
    void whenRAndSAreOutOfRangeThenTheSignatureIsInvalid(
        String alg, String values, Curve curve, byte[] signature) throws Exception {
      String genuine = curve.genuine();
      assertAccepted(ecApi.get(genuine));

      assertRejected(BAD_SIGNATURE, ecApi.get(Forge.withSignature(genuine, signature)));
    }

    @Test
    void whenTheJdkItselfIsAskedThenItRefusesTheZeroSignature() throws Exception {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(TestKeys.EC.getPublicKey());
      verifier.update("anything".getBytes(UTF_8));

      boolean verified;
      try {
        verified = verifier.verify(new byte[64]);
      } catch (SignatureException refused) {
        verified = false;
      }
      assertFalse(verified, "this JDK is vulnerable to CVE-2022-21449");
    }

    @Test
    void whenTheZeroSignatureIsDerEncodedThenItIsInvalid() {
      byte[] der = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
      String token = Forge.withSignature(ecTokens.valid().signedWith(TestKeys.EC).build(), der);

      assertRejected(BAD_SIGNATURE, ecApi.get(token));
    }
  }
}
