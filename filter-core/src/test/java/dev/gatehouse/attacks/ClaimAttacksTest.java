package dev.gatehouse.attacks;

import static dev.gatehouse.attacks.AttackDefaults.defaults;
import static dev.gatehouse.testing.Refusals.EXPIRED;
import static dev.gatehouse.testing.Refusals.INVALID_CLAIMS;
import static dev.gatehouse.testing.Refusals.ISSUED_IN_FUTURE;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.NOT_AN_ACCESS_TOKEN;
import static dev.gatehouse.testing.Refusals.NOT_YET_VALID;
import static dev.gatehouse.testing.Refusals.WRONG_AUDIENCE;
import static dev.gatehouse.testing.Refusals.WRONG_ISSUER;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.list;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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
 * Genuinely signed tokens that are still not acceptable: other kinds of token (RFC 9068 section 4,
 * RFC 8725 section 3.11 and 3.12), other audiences and issuers, and every lifetime edge around the
 * clock skew, including the number forms RFC 7519 allows for a NumericDate. {@code
 * FilterClaimsTest} covers the plain integer edges; this class adds the hostile ones.
 */
class ClaimAttacksTest {

  private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");
  private static final long T = NOW.getEpochSecond();
  private static final long SKEW = 30;

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;
  private static ProtectedApi uncached;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(defaults(provider).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    uncached =
        ProtectedApi.start(
            defaults(provider)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .tokenCache(0, 64 * 1024)
                .build());
  }

  @AfterAll
  static void stop() {
    api.close();
    uncached.close();
  }

  private static TestTokens.Builder valid() {
    return tokens.validAt(NOW);
  }

  /** A genuine token whose claims are exactly this JSON text, numbers written as given. */
  private static String withClaimText(String name, String jsonValue) {
    Map<String, Object> claims = new LinkedHashMap<>(valid().claims());
    claims.remove(name);
    String json = Forge.json(claims);
    String text = json.substring(0, json.length() - 1) + ",\"" + name + "\":" + jsonValue + "}";
    return Forge.rs256(
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}",
        text,
        TestKeys.RSA.getPrivateKey());
  }

  @Nested
  class OtherKindsOfToken {

    @Test
    void whenAnIdTokenForTheClientIsSentThen401WrongAudience() {
      String idToken =
          valid()
              .audience("spa-client-id")
              .claim("azp", "spa-client-id")
              .claim("nonce", "n-0S6_WzA2Mj")
              .claim("auth_time", T - 60)
              .claim("at_hash", "77QmUPtjPfzWtF2AnpK9RQ")
              .claim("email", "alice@example.com")
              .without("scope")
              .build();

      assertRejected(WRONG_AUDIENCE, api.get(idToken));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token+jwt", "logout+jwt", "dpop+jwt", "secevent+jwt", "jwt+jwt"})
    void whenTheTypeNamesAnotherKindOfTokenEvenForOurAudienceThen401(String typ) {
      assertRejected(NOT_AN_ACCESS_TOKEN, api.get(valid().typ(typ).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "application/at+jwt", "AT+JWT", "JWT", "jwt"})
    void whenTheTypeIsAnAccessTokenTypeThenAccepted(String typ) {
      assertAccepted(api.get(valid().typ(typ).build()));
    }

    @Test
    void whenATokenForAnotherApiOfTheSameTenantIsSentThen401WrongAudience() {
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience("https://billing.example").build()));
      assertRejected(
          WRONG_AUDIENCE,
          api.get(
              valid()
                  .audience(
                      list("https://billing.example", "https://" + provider.issuer() + "userinfo"))
                  .build()));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://API.gatehouse.test",
          "https://api.gatehouse.test/",
          "https://api.gatehouse.test ",
          "https://api.gatehouse.tes",
          "https://api.gatehouse.test.evil.example",
          "*",
          ""
        })
    void whenTheAudienceIsOursInAnotherSpellingThen401WrongAudience(String aud) {
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience(aud).build()));
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience(list(aud)).build()));
    }

    @Test
    void whenTheAudienceListIsEmptyThen401WrongAudience() {
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience(List.of()).build()));
    }

    static Stream<Arguments> audiencesOfTheWrongType() {
      String ours = "\"" + AUDIENCE + "\"";
      return Stream.of(
          Arguments.of("42", INVALID_CLAIMS),
          Arguments.of("true", INVALID_CLAIMS),
          Arguments.of("{\"aud\":" + ours + "}", INVALID_CLAIMS),
          Arguments.of("[" + ours + ",7]", INVALID_CLAIMS),
          Arguments.of("[[" + ours + "]]", INVALID_CLAIMS),
          Arguments.of("[" + ours + ",null]", MALFORMED_TOKEN),
          Arguments.of("null", WRONG_AUDIENCE));
    }

    @ParameterizedTest(name = "aud={0}")
    @MethodSource(
        "dev.gatehouse.attacks.ClaimAttacksTest$OtherKindsOfToken#audiencesOfTheWrongType")
    void whenTheAudienceHasTheWrongTypeThenRefusedEvenIfItContainsOurs(String aud, String refusal) {
      assertRejected(refusal, api.get(withClaimText("aud", aud)));
    }

    @Test
    void whenOurAudienceIsOneOfSeveralThenAccepted() {
      assertAccepted(api.get(valid().audience(list("urn:other", AUDIENCE)).build()));
    }

    static Stream<Arguments> otherIssuers() {
      String ours = provider.issuer();
      return Stream.of(
          Arguments.of("\"https://evil.example/\"", WRONG_ISSUER),
          Arguments.of("\"" + ours + " \"", WRONG_ISSUER),
          Arguments.of("\"" + ours + "?\"", WRONG_ISSUER),
          Arguments.of("\"" + ours + "#\"", WRONG_ISSUER),
          Arguments.of("\"" + ours.toUpperCase(Locale.ROOT) + "\"", WRONG_ISSUER),
          Arguments.of("\"" + ours.replace("127.0.0.1", "localhost") + "\"", WRONG_ISSUER),
          Arguments.of("null", WRONG_ISSUER),
          Arguments.of("[\"" + ours + "\"]", INVALID_CLAIMS),
          Arguments.of("42", INVALID_CLAIMS));
    }

    @ParameterizedTest(name = "iss={0}")
    @MethodSource("dev.gatehouse.attacks.ClaimAttacksTest$OtherKindsOfToken#otherIssuers")
    void whenTheIssuerIsAnotherOrNotAStringThenRefused(String iss, String refusal) {
      assertRejected(refusal, api.get(withClaimText("iss", iss)));
    }
  }

  /**
   * RFC 7519 section 2: a NumericDate is a JSON number of seconds, possibly with a fraction. The
   * check is {@code exp > now - skew}, {@code nbf <= now + skew}, {@code iat <= now + skew}, with
   * fractions truncated toward the past. Values no clock can reach are refused, not trusted.
   */
  @Nested
  class Lifetime {

    /** The decision for a genuine token with this claim text: null means accepted. */
    private static void assertDecision(String expected, String token) {
      if (expected == null) {
        assertAccepted(api.get(token));
        assertAccepted(uncached.get(token));
      } else {
        assertRejected(expected, api.get(token));
        assertRejected(expected, uncached.get(token));
      }
    }

    static Stream<Arguments> expiryEdges() {
      return Stream.of(
          Arguments.of(Long.toString(T - SKEW), EXPIRED),
          Arguments.of(Long.toString(T - SKEW + 1), null),
          Arguments.of((T - SKEW) + ".999", EXPIRED),
          Arguments.of((T - SKEW + 1) + ".0", null),
          Arguments.of((T - SKEW + 1) + ".5", null),
          Arguments.of("1.9e9", EXPIRED),
          Arguments.of("2.0e9", null),
          Arguments.of("0", EXPIRED),
          Arguments.of("-1", INVALID_CLAIMS),
          Arguments.of("-9223372036854775808", INVALID_CLAIMS),
          Arguments.of("-1e300", INVALID_CLAIMS),
          // Centuries ahead: a mistake or a token meant never to expire, not trusted forever.
          Arguments.of(Long.toString(T + 99L * 365 * 86_400), null),
          Arguments.of(Long.toString(T + 101L * 365 * 86_400), INVALID_CLAIMS),
          Arguments.of("32503680000", INVALID_CLAIMS),
          Arguments.of("31556889864403199", INVALID_CLAIMS),
          Arguments.of("9223372036854775807", INVALID_CLAIMS),
          Arguments.of("99999999999999999999", INVALID_CLAIMS),
          Arguments.of("1e300", INVALID_CLAIMS));
    }

    @ParameterizedTest(name = "exp={0}")
    @MethodSource("dev.gatehouse.attacks.ClaimAttacksTest$Lifetime#expiryEdges")
    void whenExpIsAroundTheSkewOrOutOfRangeThenTheDecisionIsExact(String exp, String refusal) {
      assertDecision(refusal, withClaimText("exp", exp));
    }

    static Stream<Arguments> notBeforeEdges() {
      return Stream.of(
          Arguments.of(Long.toString(T + SKEW), null),
          Arguments.of(Long.toString(T + SKEW + 1), NOT_YET_VALID),
          Arguments.of((T + SKEW) + ".5", null),
          Arguments.of((T + SKEW + 1) + ".0", NOT_YET_VALID),
          Arguments.of("0", null),
          Arguments.of("-1", INVALID_CLAIMS),
          Arguments.of("-1e300", INVALID_CLAIMS),
          Arguments.of("9223372036854775807", INVALID_CLAIMS),
          Arguments.of("1e300", INVALID_CLAIMS));
    }

    @ParameterizedTest(name = "nbf={0}")
    @MethodSource("dev.gatehouse.attacks.ClaimAttacksTest$Lifetime#notBeforeEdges")
    void whenNbfIsAroundTheSkewOrOutOfRangeThenTheDecisionIsExact(String nbf, String refusal) {
      assertDecision(refusal, withClaimText("nbf", nbf));
    }

    static Stream<Arguments> issuedAtEdges() {
      return Stream.of(
          Arguments.of(Long.toString(T + SKEW), null),
          Arguments.of(Long.toString(T + SKEW + 1), ISSUED_IN_FUTURE),
          Arguments.of((T + SKEW) + ".9", null),
          Arguments.of("0", null),
          Arguments.of("-1", INVALID_CLAIMS),
          Arguments.of("-9223372036854775808", INVALID_CLAIMS),
          Arguments.of("-1e300", INVALID_CLAIMS),
          Arguments.of("-31556889864403199", INVALID_CLAIMS),
          Arguments.of("9223372036854775807", INVALID_CLAIMS),
          Arguments.of("1e300", INVALID_CLAIMS));
    }

    @ParameterizedTest(name = "iat={0}")
    @MethodSource("dev.gatehouse.attacks.ClaimAttacksTest$Lifetime#issuedAtEdges")
    void whenIatIsAroundTheSkewOrOutOfRangeThenTheDecisionIsExact(String iat, String refusal) {
      assertDecision(refusal, withClaimText("iat", iat));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"" + 1_999_999_999 + "\"", "[1999999999]", "{}", "true", "null"})
    void whenExpIsNotANumberThenRefused(String exp) {
      String token = withClaimText("exp", exp);
      if (exp.equals("null")) {
        assertRejected("The access token has no expiry.", api.get(token));
      } else {
        assertRejected(INVALID_CLAIMS, api.get(token));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "[0]", "{}", "false"})
    void whenNbfOrIatIsNotANumberThen401InvalidClaims(String value) {
      assertRejected(INVALID_CLAIMS, api.get(withClaimText("nbf", value)));
      assertRejected(INVALID_CLAIMS, api.get(withClaimText("iat", value)));
    }

    @Test
    void whenNbfIsAfterExpThenTheTokenIsNeverValid() {
      String token = valid().notBefore(NOW.plus(Duration.ofMinutes(10))).build();

      assertRejected(NOT_YET_VALID, api.get(token));
    }
  }
}
