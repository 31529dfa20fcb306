package dev.gatehouse.attacks;

import static dev.gatehouse.attacks.AttackDefaults.defaults;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.CRITICAL;
import static dev.gatehouse.testing.Refusals.INVALID_CLAIMS;
import static dev.gatehouse.testing.Refusals.MALFORMED_HEADER;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.TOO_LARGE;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertInvalidRequest;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.TokenSources;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on the token's shape rather than its keys: other JOSE serializations, critical and
 * unencoded-payload headers, duplicate JSON members, sloppy base64url, size and nesting. Most are
 * refused by {@code TokenSyntax} before any parser runs; the rest by jose4j's strict JSON parser.
 */
class EncodingAttacksTest {

  /** A limit small enough that the container's 8 KiB header limit is never what answers. */
  private static final int LIMIT = 2048;

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;
  private static ProtectedApi limited;
  private static ProtectedApi forms;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(defaults(provider).build());
    limited = ProtectedApi.start(defaults(provider).tokens(t -> t.maxLength(LIMIT)).build());
    forms = ProtectedApi.start(defaults(provider).tokens(t -> t.allowFormParameter()).build());
  }

  @AfterAll
  static void stop() {
    api.close();
    limited.close();
    forms.close();
  }

  private static String claimsJson() {
    return Forge.json(tokens.valid().claims());
  }

  private static final String RS256_HEADER =
      "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}";

  private static String genuine(String headerJson, String payloadJson) {
    return Forge.rs256(headerJson, payloadJson, TestKeys.RSA.getPrivateKey());
  }

  /** {@code POST /api/echo} with the token as the {@code access_token} form field. */
  private static Reply postForm(ProtectedApi target, String token) {
    String body = "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return target.send(
        target
            .request("/api/echo")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body)));
  }

  @Nested
  class OtherSerializations {

    private String flattenedJson() {
      String[] parts = tokens.valid().build().split("\\.");
      return "{\"payload\":\""
          + parts[1]
          + "\",\"protected\":\""
          + parts[0]
          + "\",\"signature\":\""
          + parts[2]
          + "\"}";
    }

    @Test
    void whenTheFlattenedJsonSerializationIsSentThen400BeforeParsing() {
      assertInvalidRequest(MALFORMED_HEADER, api.get(flattenedJson()));
    }

    @Test
    void whenTheGeneralJsonSerializationIsSentThen400BeforeParsing() {
      String[] parts = tokens.valid().build().split("\\.");
      String general =
          "{\"payload\":\""
              + parts[1]
              + "\",\"signatures\":[{\"protected\":\""
              + parts[0]
              + "\",\"signature\":\""
              + parts[2]
              + "\"}]}";

      assertInvalidRequest(MALFORMED_HEADER, api.get(general));
    }

    @Test
    void whenTheJsonSerializationIsBase64UrlEncodedThen401Malformed() {
      assertRejected(MALFORMED_TOKEN, api.get(Forge.b64(flattenedJson())));
    }

    @Test
    void whenAJweEncryptedToTheProvidersKeyIsSentThen401Malformed() throws JoseException {
      JsonWebEncryption jwe = new JsonWebEncryption();
      jwe.setPayload(claimsJson());
      jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
      jwe.setEncryptionMethodHeaderParameter(
          ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
      jwe.setKeyIdHeaderValue(TestKeys.RSA.getKeyId());
      jwe.setKey(TestKeys.RSA.getPublicKey());

      assertRejected(MALFORMED_TOKEN, api.get(jwe.getCompactSerialization()));
    }

    @Test
    void whenAJweWrapsAGenuineSignedTokenThen401Malformed() throws JoseException {
      JsonWebEncryption jwe = new JsonWebEncryption();
      jwe.setPayload(tokens.valid().build());
      jwe.setContentTypeHeaderValue("JWT");
      jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
      jwe.setEncryptionMethodHeaderParameter(
          ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
      jwe.setKey(TestKeys.RSA.getPublicKey());

      assertRejected(MALFORMED_TOKEN, api.get(jwe.getCompactSerialization()));
    }

    @Test
    void whenAForeignSignatureWrapsAGenuineTokenAsANestedJwtThenTheOuterKeyDecides() {
      String inner = tokens.valid().build();
      String header = "{\"alg\":\"RS256\",\"cty\":\"JWT\",\"kid\":\"attacker\"}";

      assertRejected(
          UNKNOWN_KEY, api.get(Forge.rs256(header, inner, TestKeys.ATTACKER.getPrivateKey())));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5, 6})
    void whenTheNumberOfSegmentsIsNotThreeThen401Malformed(int segments) {
      String[] parts = tokens.valid().build().split("\\.");
      StringBuilder token = new StringBuilder(parts[0]);
      for (int i = 1; i < segments; i++) {
        token.append('.').append(parts[i % 3]);
      }

      assertRejected(MALFORMED_TOKEN, api.get(token.toString()));
    }
  }

  @Nested
  class CriticalAndUnencodedPayload {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "[]",
          "[\"exp\"]",
          "[\"urn:example:unknown\"]",
          "[\"kid\"]",
          "\"b64\"",
          "[\"b64\",\"b64\"]",
          "{}",
          "1"
        })
    void whenCritIsPresentInAnyFormThenRefused(String crit) {
      String header =
          "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\",\"crit\":"
              + crit
              + ",\"urn:example:unknown\":1}";

      assertRejected(CRITICAL, api.get(genuine(header, claimsJson())));
    }

    /**
     * RFC 7797: with {@code b64: false} the payload is signed and sent as it is. Here the issuer's
     * own key signs the unencoded form of a base64url payload, so the signing input is byte for
     * byte that of an ordinary token: a verifier that ignored {@code b64} would accept it. jose4j
     * honours {@code b64}, reads the payload as the literal text, and that is not JSON; the header
     * check would refuse it next in any case.
     */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false,\"crit\":[\"b64\"]}",
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false}"
        })
    void whenThePayloadIsDeclaredUnencodedThen401Malformed(String header) {
      String input = Forge.b64(header) + "." + Forge.b64(claimsJson());
      byte[] signature =
          Forge.sign(input.getBytes(US_ASCII), TestKeys.RSA.getPrivateKey(), "SHA256withRSA");

      assertRejected(MALFORMED_TOKEN, api.get(input + "." + Forge.b64(signature)));
    }

    @Test
    void whenB64IsTrueAndCriticalThenRefusedAsCritical() {
      String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":true,\"crit\":[\"b64\"]}";

      assertRejected(CRITICAL, api.get(genuine(header, claimsJson())));
    }

    @Test
    void whenTheUnencodedPayloadIsJsonThen400BeforeParsing() {
      String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false,\"crit\":[\"b64\"]}";
      String input = Forge.b64(header) + "." + claimsJson();
      byte[] signature =
          Forge.sign(
              input.getBytes(StandardCharsets.UTF_8),
              TestKeys.RSA.getPrivateKey(),
              "SHA256withRSA");

      assertInvalidRequest(MALFORMED_HEADER, api.get(input + "." + Forge.b64(signature)));
    }

    @Test
    void whenThePayloadIsDetachedThen401Malformed() {
      String[] parts = tokens.valid().build().split("\\.");

      assertRejected(MALFORMED_TOKEN, api.get(parts[0] + ".." + parts[2]));
    }
  }

  /**
   * RFC 7515 section 5.2 and RFC 8259 section 4: a JSON object with a member name twice is
   * ambiguous, and two parsers may read it differently. jose4j refuses it (names must be unique),
   * which is what a security filter wants: fail closed rather than pick one.
   */
  @Nested
  class DuplicateMembers {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"alg\":\"none\"}",
          "{\"alg\":\"none\",\"kid\":\"rsa-1\",\"alg\":\"RS256\"}",
          "{\"alg\":\"RS256\",\"kid\":\"attacker\",\"kid\":\"rsa-1\"}",
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"\\u0061lg\":\"HS256\"}",
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"JWT\",\"typ\":\"at+jwt\"}",
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":{\"a\":1,\"a\":2}}"
        })
    void whenTheHeaderRepeatsAMemberThen401Malformed(String header) {
      assertRejected(MALFORMED_TOKEN, api.get(genuine(header, claimsJson())));
    }

    static Stream<String> repeatedClaims() {
      String ours = "\"" + TestTokens.AUDIENCE + "\"";
      String iss = "\"" + tokens.issuer() + "\"";
      long exp = Instant.now().plusSeconds(300).getEpochSecond();
      String base = "\"sub\":\"x\",\"exp\":" + exp;
      return Stream.of(
          "{\"iss\":" + iss + "," + base + ",\"aud\":\"other\",\"aud\":" + ours + "}",
          "{\"iss\":" + iss + "," + base + ",\"aud\":" + ours + ",\"aud\":\"other\"}",
          "{\"iss\":\"https://evil.example/\",\"iss\":"
              + iss
              + ","
              + base
              + ",\"aud\":"
              + ours
              + "}",
          "{\"iss\":" + iss + ",\"sub\":\"x\",\"exp\":1,\"exp\":" + exp + ",\"aud\":" + ours + "}",
          "{\"iss\":"
              + iss
              + ","
              + base
              + ",\"aud\":"
              + ours
              + ",\"scope\":\"read\",\"scope\":\"admin\"}",
          "{\"iss\":"
              + iss
              + ","
              + base
              + ",\"aud\":"
              + ours
              + ",\"\\u0073cope\":\"admin\","
              + "\"scope\":\"read\"}",
          "{\"iss\":" + iss + "," + base + ",\"aud\":" + ours + ",\"x\":[{\"k\":1,\"k\":2}]}");
    }

    @ParameterizedTest
    @MethodSource("dev.gatehouse.attacks.EncodingAttacksTest$DuplicateMembers#repeatedClaims")
    void whenThePayloadRepeatsAClaimThen401Malformed(String claims) {
      assertRejected(MALFORMED_TOKEN, api.get(genuine(RS256_HEADER, claims)));
    }
  }

  /**
   * RFC 7515 section 2 and RFC 4648 sections 3.2, 3.5 and 5: base64url without padding, and only
   * the canonical encoding. A lenient decoder maps several strings to the same bytes, so one valid
   * token would have many spellings that all verify; each would be a new cache entry and a way
   * around any list of tokens kept by their text.
   */
  @Nested
  class Base64Url {

    private static final String ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** The same bytes, with an unused low bit of the last character set. */
    private static String nonCanonical(String segment) {
      assertTrue(segment.length() % 4 != 0, "this segment has no spare bits");
      char last = segment.charAt(segment.length() - 1);
      int value = ALPHABET.indexOf(last);
      assertEquals(0, value & 1, "the segment was canonical");
      return segment.substring(0, segment.length() - 1) + ALPHABET.charAt(value | 1);
    }

    private static String replace(String token, int index, String segment) {
      String[] parts = token.split("\\.", -1);
      parts[index] = segment;
      return String.join(".", parts);
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void whenASegmentHasSpareBitsSetThen401Malformed(int index) {
      // Header and payload lengths are chosen so that each segment has spare bits.
      String token = tokens.valid().header("pad", "x").claim("pad", "xy").build();
      String segment = Forge.segment(token, index);
      if (segment.length() % 4 == 0) {
        token = tokens.valid().header("pad", "xx").claim("pad", "xyz").build();
        segment = Forge.segment(token, index);
      }
      assertAccepted(api.get(token));

      assertRejected(MALFORMED_TOKEN, api.get(replace(token, index, nonCanonical(segment))));
    }

    @Test
    void whenASignatureSegmentHasOneCharacterTooManyThen401Malformed() throws JoseException {
      // ES512 signatures are 132 bytes: 176 characters, so one more is a 4n+1 length, which no
      // byte string encodes to and which a lenient decoder silently drops.
      EllipticCurveJsonWebKey p521 = EcJwkGenerator.generateJwk(EllipticCurves.P521);
      p521.setKeyId("ec-521");
      try (LocalJwksServer es512Provider = LocalJwksServer.start().keys(p521);
          ProtectedApi es512 =
              ProtectedApi.start(
                  GatehouseConfig.forIssuer(es512Provider.issuer())
                      .audiences(TestTokens.AUDIENCE)
                      .allowInsecureLoopbackHttp()
                      .algorithms("ES512")
                      .build())) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES512");
        header.put("kid", "ec-521");
        String token =
            Forge.signed(
                Forge.json(header),
                Forge.json(new TestTokens(es512Provider.issuer()).valid().claims()),
                p521.getPrivateKey(),
                "SHA512withECDSAinP1363Format");
        assertEquals(176, Forge.segment(token, 2).length());
        assertAccepted(es512.get(token));

        assertRejected(MALFORMED_TOKEN, es512.get(token + "A"));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "=="})
    void whenASegmentIsPaddedThen401Malformed(String padding) {
      assertRejected(MALFORMED_TOKEN, api.get(tokens.valid().build() + padding));
    }

    @Test
    void whenTheStandardAlphabetIsUsedThen401Malformed() {
      String token = tokens.valid().build();
      String standard = token.replace('-', '+').replace('_', '/');
      if (standard.equals(token)) {
        standard = token.substring(0, token.length() - 1) + "+";
      }

      assertRejected(MALFORMED_TOKEN, api.get(standard));
    }

    /** Whitespace, or an escape that a lenient decoder might turn into whitespace. */
    @ParameterizedTest
    @ValueSource(strings = {" ", "\t", "%20", "\\n", "%3D"})
    void whenASegmentContainsWhitespaceOrAnEscapeThen400(String whitespace) {
      String token = tokens.valid().build();
      int cut = token.indexOf('.') + 5;

      Reply reply = api.get(token.substring(0, cut) + whitespace + token.substring(cut));

      assertInvalidRequest(MALFORMED_HEADER, reply);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\u00ef\u00bb\u00bf{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", // a byte order mark
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"", // truncated
          "{'alg':'RS256','kid':'rsa-1'}", // single quotes
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}{}", // trailing data
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":NaN}",
          "[\"RS256\"]",
          "null"
        })
    void whenTheHeaderIsNotAJsonObjectThen401Malformed(String header) {
      String token = Forge.b64(header) + "." + Forge.b64(claimsJson()) + ".c2ln";

      assertRejected(MALFORMED_TOKEN, api.get(token));
    }

    /**
     * jose4j's parser tolerates a trailing comma and leading zeros. That is harmless here: the
     * header text is what the signature covers, so a lenient reading cannot change what a genuine
     * token says, and a forged one still needs a signature.
     */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",}",
          "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":01}"
        })
    void whenTheHeaderIsJsonThatOnlyALenientParserAcceptsThenTheSignatureStillDecides(
        String header) {
      String forged = Forge.rs256(header, claimsJson(), TestKeys.ATTACKER.getPrivateKey());

      assertRejected(BAD_SIGNATURE, api.get(forged));
    }
  }

  @Nested
  class Size {

    /** A genuine token made at least {@code length} characters long by a padding claim. */
    private static String genuineOfAtLeast(int length) {
      String token = tokens.valid().build();
      return tokens
          .valid()
          .claim("pad", "p".repeat(Math.max(0, (length - token.length()) * 3 / 4 + 3)))
          .build();
    }

    @Test
    void whenAGenuineTokenIsWithinTheLimitThenAccepted() {
      String token = tokens.valid().claim("pad", "p".repeat(1000)).build();
      assertTrue(token.length() < LIMIT && token.length() > LIMIT / 2, "length " + token.length());

      assertAccepted(limited.get(token));
    }

    @Test
    void whenAGenuineTokenIsOverTheLimitThen400TooLarge() {
      String token = genuineOfAtLeast(LIMIT + 1);
      assertTrue(token.length() > LIMIT);

      assertInvalidRequest(TOO_LARGE, limited.get(token));
    }

    @Test
    void whenAnOversizedHeaderMakesTheTokenTooLongThen400BeforeAnythingIsFetched() {
      int before = provider.totalRequests();
      String token = tokens.valid().header("x", "h".repeat(LIMIT)).build();

      assertInvalidRequest(TOO_LARGE, limited.get(token));
      assertEquals(before, provider.totalRequests());
    }

    @ParameterizedTest
    @ValueSource(ints = {8193, 60_000, 150_000})
    void whenAFormTokenIsOverTheDefaultLimitThen400TooLarge(int length) {
      String token = "a.b." + "c".repeat(length - 4);

      assertInvalidRequest(TOO_LARGE, postForm(forms, token));
    }

    @Test
    void whenTheFormBodyExceedsTheContainersLimitThenTheContainerAnswers400() {
      // Jetty refuses form bodies over 200,000 bytes while the filter asks for the parameter.
      Reply reply = postForm(forms, "a.b." + "c".repeat(1_000_000));

      assertEquals(400, reply.status(), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {9_000, 70_000})
    void whenTheAuthorizationHeaderExceedsTheContainersLimitThenTheContainerAnswers431(int length) {
      // Jetty's default request-header limit (8 KiB) answers before the filter runs: never a 5xx.
      Reply reply = api.get("a.b." + "c".repeat(length - 4));

      assertEquals(431, reply.status(), reply::toString);
    }
  }

  /**
   * Deeply nested JSON must not overflow the stack anywhere (jose4j's parser is iterative, and so
   * must be everything that walks the claims afterwards). The token-length limit bounds the depth:
   * about one level per character, so the deepest possible nesting is tested at the limit.
   */
  @Nested
  class Nesting {

    private static String nested(int depth, boolean objects) {
      return objects
          ? "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
          : "[".repeat(depth) + "]".repeat(depth);
    }

    /** The deepest nesting whose genuine token still fits in {@code limit} characters. */
    private static String deepestClaimsWithin(int limit, boolean objects) {
      String base = claimsJson();
      int low = 1;
      int high = limit;
      String best = null;
      while (low <= high) {
        int depth = (low + high) >>> 1;
        String claims =
            base.substring(0, base.length() - 1) + ",\"deep\":" + nested(depth, objects) + "}";
        if (genuine(RS256_HEADER, claims).length() <= limit) {
          best = claims;
          low = depth + 1;
        } else {
          high = depth - 1;
        }
      }
      return best;
    }

    @ParameterizedTest(name = "objects={0}")
    @ValueSource(booleans = {false, true})
    void whenAGenuineTokenNestsClaimsAsDeepAsTheDefaultLimitAllowsThenNoStackOverflow(
        boolean objects) {
      String token =
          genuine(RS256_HEADER, deepestClaimsWithin(TokenSources.DEFAULT_MAX_LENGTH, objects));

      assertRejected(INVALID_CLAIMS, postForm(forms, token));
    }

    @Test
    void whenTheLimitIsRaisedToItsMaximumThenTheDeepestNestingIsStillRefusedCleanly() {
      int max = 64 * 1024;
      try (ProtectedApi largest =
          ProtectedApi.start(
              defaults(provider).tokens(t -> t.maxLength(max).allowFormParameter()).build())) {
        String token = genuine(RS256_HEADER, deepestClaimsWithin(max, false));

        assertRejected(INVALID_CLAIMS, postForm(largest, token));
      }
    }

    @Test
    void whenAForgedHeaderNestsDeeplyThenTheSignatureStillDecides() {
      String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":" + nested(2700, false) + "}";
      String token = Forge.rs256(header, claimsJson(), TestKeys.ATTACKER.getPrivateKey());

      assertRejected(BAD_SIGNATURE, postForm(forms, token));
    }

    @Test
    void whenClaimsNestModeratelyThenTheTokenIsAccepted() {
      String claims = claimsJson();
      String token =
          genuine(
              RS256_HEADER,
              claims.substring(0, claims.length() - 1) + ",\"ctx\":" + nested(16, true) + "}");

      assertAccepted(api.get(token));
    }
  }
}
