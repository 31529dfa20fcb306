package dev.gatehouse.internal.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.AuthScheme;
import dev.gatehouse.error.BearerErrorCode;
import dev.gatehouse.error.Challenge;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.error.StepUpRequirement;
import dev.gatehouse.testing.Refusals;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one writer of {@code WWW-Authenticate}: parameter order, quoting, and the fixed table. */
class ChallengeWriterTest {

  private final ChallengeWriter writer = new ChallengeWriter("api");

  @Nested
  class BothSchemes {

    private final ChallengeWriter dpop =
        new ChallengeWriter("api", null, List.of("ES256", "EdDSA"));
    private final Set<AuthScheme> both = EnumSet.allOf(AuthScheme.class);

    @Test
    void whenTheTokenIsMissingThenEachOfferedSchemeIsChallengedWithoutAnError() {
      assertEquals(
          "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA\"",
          dpop.challenges(Rejection.MISSING_TOKEN, null, new Challenge(both, both, null)));
    }

    @Test
    void whenTheClientUsedDpopThenTheErrorAndTheScopeGoOnTheDpopChallengeAlone() {
      assertEquals(
          "DPoP error=\"insufficient_scope\", error_description=\"The access token lacks a required"
              + " scope.\", scope=\"admin\", algs=\"ES256 EdDSA\"",
          dpop.challenges(
              Rejection.INSUFFICIENT_SCOPE, "admin", Challenge.usedOn(AuthScheme.DPOP, both)));
    }

    @Test
    void whenTheClientUsedASchemeThePathDoesNotOfferThenTheOfferedOneFollowsBare() {
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"This resource"
              + " accepts only DPoP-bound access tokens.\", DPoP algs=\"ES256 EdDSA\"",
          dpop.challenges(
              Rejection.DPOP_REQUIRED,
              null,
              Challenge.usedOn(AuthScheme.BEARER, Set.of(AuthScheme.DPOP))));
    }

    @Test
    void whenTheWriterHasNoDpopAlgorithmsThenNoDpopChallengeIsWritten() {
      assertEquals(
          "Bearer realm=\"api\"",
          writer.challenges(Rejection.MISSING_TOKEN, null, new Challenge(both, both, null)));
    }
  }

  @Nested
  class Header {

    @Test
    void whenTheTokenIsMissingThenTheChallengeIsBare() {
      assertEquals("Bearer realm=\"api\"", writer.challenge(Rejection.MISSING_TOKEN, null));
    }

    @Test
    void whenTheTokenIsRejectedThenRealmErrorAndDescriptionFollowInThatOrder() {
      assertEquals(
          "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token"
              + " expired.\"",
          writer.challenge(Rejection.EXPIRED, null));
    }

    @Test
    void whenAScopeIsNamedThenItComesLast() {
      assertEquals(
          "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
              + " token lacks a required scope.\", scope=\"orders:read orders:write\"",
          writer.challenge(Rejection.INSUFFICIENT_SCOPE, "orders:read orders:write"));
    }

    @Test
    void whenStepUpIsAskedForThenAcrValuesAndMaxAgeFollowTheDescription() {
      assertEquals(
          "Bearer realm=\"api\", error=\"insufficient_user_authentication\","
              + " error_description=\"The user authenticated too long ago for this resource.\","
              + " acr_values=\"urn:example:mfa phr\", max_age=\"300\"",
          writer.challenge(
              Rejection.AUTHENTICATION_TOO_OLD,
              null,
              new StepUpRequirement(List.of("urn:example:mfa", "phr"), Duration.ofMinutes(5))));
    }

    @Test
    void whenOnlyAnAcrIsAskedForThenNoMaxAgeIsNamed() {
      assertEquals(
          "Bearer realm=\"api\", error=\"insufficient_user_authentication\","
              + " error_description=\"The user authenticated in a way this resource does not"
              + " accept.\", acr_values=\"phr\"",
          writer.challenge(
              Rejection.AUTHENTICATION_LEVEL_INSUFFICIENT,
              null,
              new StepUpRequirement(List.of("phr"), null)));
    }

    @Test
    void whenResourceMetadataIsConfiguredThenEveryChallengeNamesItLast() {
      ChallengeWriter described =
          new ChallengeWriter(
              "api", "https://api.example.com/.well-known/oauth-protected-resource", List.of());
      assertEquals(
          "Bearer realm=\"api\", resource_metadata=\"https://api.example.com/.well-known/"
              + "oauth-protected-resource\"",
          described.challenge(Rejection.MISSING_TOKEN, null));
      assertEquals(
          "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
              + " token lacks a required scope.\", scope=\"a\", resource_metadata=\"https://"
              + "api.example.com/.well-known/oauth-protected-resource\"",
          described.challenge(Rejection.INSUFFICIENT_SCOPE, "a"));
    }

    @Test
    void whenDpopIsAcceptedToThenItsChallengeNamesTheMetadataAndCarriesTheStepUpItErrsWith() {
      String metadata = "https://api.example.com/.well-known/oauth-protected-resource";
      ChallengeWriter both = new ChallengeWriter("api", metadata, List.of("ES256"));
      Set<AuthScheme> offered = EnumSet.allOf(AuthScheme.class);

      assertEquals(
          "Bearer realm=\"api\", resource_metadata=\""
              + metadata
              + "\", DPoP algs=\"ES256\","
              + " resource_metadata=\""
              + metadata
              + "\"",
          both.challenges(
              Rejection.MISSING_TOKEN,
              null,
              new Challenge(offered, EnumSet.noneOf(AuthScheme.class), null)));
      assertEquals(
          "DPoP error=\"insufficient_user_authentication\", error_description=\""
              + Rejection.AUTHENTICATION_TOO_OLD.description()
              + "\", max_age=\"300\", algs=\"ES256\", resource_metadata=\""
              + metadata
              + "\"",
          both.challenges(
              Rejection.AUTHENTICATION_TOO_OLD,
              null,
              new StepUpRequirement(List.of(), Duration.ofMinutes(5)),
              Challenge.usedOn(AuthScheme.DPOP, offered)));
    }
  }

  @Nested
  class QuotedString {

    @Test
    void whenTheValueHasQuotesOrBackslashesThenTheyAreEscaped() {
      assertEquals("\"say \\\"hi\\\" \\\\ bye\"", ChallengeWriter.quoted("say \"hi\" \\ bye"));
    }

    @Test
    void whenTheValueHasControlCharactersOrNonAsciiThenTheyBecomeQuestionMarks() {
      assertEquals("\"a??b?c?d\"", ChallengeWriter.quoted("a\r\nb\u0000c\u00e9d"));
      assertEquals("\"caf?\"", ChallengeWriter.quoted("caf\u00e9"));
      assertEquals("\"del?\"", ChallengeWriter.quoted("del\u007f"));
    }

    @Test
    void whenTheValueHasATabThenItIsKept() {
      assertEquals("\"a\tb\"", ChallengeWriter.quoted("a\tb"));
    }

    @Test
    void whenTheRealmNeedsEscapingThenTheWholeChallengeStaysOneValidHeader() {
      ChallengeWriter odd = new ChallengeWriter("a \"b\"\r\nSet-Cookie: x=y");

      assertEquals(
          "Bearer realm=\"a \\\"b\\\"??Set-Cookie: x=y\"",
          odd.challenge(Rejection.MISSING_TOKEN, null));
    }
  }

  @Nested
  class Json {

    @Test
    void whenTheValueHasQuotesBackslashesOrControlsThenTheyAreEscaped() {
      assertEquals("\"a\\\"b\\\\c\\u000ad\"", ChallengeWriter.json("a\"b\\c\nd"));
    }

    @Test
    void whenTheValueIsNonAsciiThenItIsKeptAsIs() {
      assertEquals("\"caf\u00e9\"", ChallengeWriter.json("caf\u00e9"));
    }
  }

  @Nested
  class RejectionTable {

    static Stream<Arguments> table() {
      return Stream.of(
          Arguments.of(Rejection.MISSING_TOKEN, 401, null),
          Arguments.of(Rejection.MULTIPLE_TOKENS, 400, "invalid_request"),
          Arguments.of(Rejection.MALFORMED_AUTHORIZATION, 400, "invalid_request"),
          Arguments.of(Rejection.TOKEN_TOO_LARGE, 400, "invalid_request"),
          Arguments.of(Rejection.MALFORMED_TOKEN, 401, "invalid_token"),
          Arguments.of(Rejection.UNSUPPORTED_ALGORITHM, 401, "invalid_token"),
          Arguments.of(Rejection.UNKNOWN_KEY, 401, "invalid_token"),
          Arguments.of(Rejection.INVALID_SIGNATURE, 401, "invalid_token"),
          Arguments.of(Rejection.UNSUPPORTED_TOKEN_TYPE, 401, "invalid_token"),
          Arguments.of(Rejection.UNSUPPORTED_CRITICAL_HEADER, 401, "invalid_token"),
          Arguments.of(Rejection.EXPIRED, 401, "invalid_token"),
          Arguments.of(Rejection.MISSING_EXPIRY, 401, "invalid_token"),
          Arguments.of(Rejection.NOT_YET_VALID, 401, "invalid_token"),
          Arguments.of(Rejection.ISSUED_IN_FUTURE, 401, "invalid_token"),
          Arguments.of(Rejection.WRONG_ISSUER, 401, "invalid_token"),
          Arguments.of(Rejection.WRONG_AUDIENCE, 401, "invalid_token"),
          Arguments.of(Rejection.INVALID_CLAIMS, 401, "invalid_token"),
          Arguments.of(Rejection.INSUFFICIENT_SCOPE, 403, "insufficient_scope"),
          Arguments.of(Rejection.PATH_DENIED, 403, "insufficient_scope"),
          Arguments.of(Rejection.CLIENT_NOT_ALLOWED, 401, "invalid_token"),
          Arguments.of(Rejection.TOKEN_REVOKED, 401, "invalid_token"),
          Arguments.of(Rejection.CLAIM_REQUIREMENT_UNMET, 401, "invalid_token"),
          Arguments.of(Rejection.PRINCIPAL_CLAIM_MISSING, 401, "invalid_token"),
          Arguments.of(Rejection.TOKEN_INACTIVE, 401, "invalid_token"),
          Arguments.of(Rejection.IDENTITY_HEADER_FROM_CLIENT, 400, "invalid_request"),
          Arguments.of(Rejection.AMBIGUOUS_PATH, 400, "invalid_request"),
          Arguments.of(Rejection.DPOP_PROOF_MISSING, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_MULTIPLE, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_MALFORMED, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_WRONG_TYPE, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_UNUSABLE_KEY, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_INVALID_SIGNATURE, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_WRONG_METHOD, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_WRONG_URI, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_STALE, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_WRONG_TOKEN_HASH, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_PROOF_REPLAYED, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_REPLAY_CHECK_FULL, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_KEY_MISMATCH, 401, "invalid_dpop_proof"),
          Arguments.of(Rejection.DPOP_NONCE_MISSING, 401, "use_dpop_nonce"),
          Arguments.of(Rejection.DPOP_NONCE_INVALID, 401, "use_dpop_nonce"),
          Arguments.of(Rejection.DPOP_BOUND_TOKEN_AS_BEARER, 401, "invalid_token"),
          Arguments.of(Rejection.DPOP_TOKEN_NOT_BOUND, 401, "invalid_token"),
          Arguments.of(Rejection.DPOP_REQUIRED, 401, "invalid_token"),
          Arguments.of(Rejection.CLIENT_CERTIFICATE_MISSING, 401, "invalid_token"),
          Arguments.of(Rejection.CLIENT_CERTIFICATE_MISMATCH, 401, "invalid_token"),
          Arguments.of(
              Rejection.AUTHENTICATION_LEVEL_INSUFFICIENT, 401, "insufficient_user_authentication"),
          Arguments.of(Rejection.AUTHENTICATION_TOO_OLD, 401, "insufficient_user_authentication"),
          Arguments.of(Rejection.UNDECRYPTABLE, 401, "invalid_token"),
          Arguments.of(Rejection.UNSUPPORTED_ENCRYPTION, 401, "invalid_token"));
    }

    @Test
    void everyRejectionIsInTheTable() {
      assertEquals(Rejection.values().length, table().count());
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachRejectionHasItsStatusAndErrorCode(Rejection rejection, int status, String code) {
      assertEquals(status, rejection.status());
      assertEquals(code, rejection.error().map(BearerErrorCode::code).orElse(null));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachDescriptionIsAFixedSentenceSafeToQuote(Rejection rejection) {
      String d = rejection.description();

      assertTrue(d.endsWith(".") && d.chars().allMatch(c -> c >= 0x20 && c < 0x7f), d);
      assertEquals("\"" + d + "\"", ChallengeWriter.quoted(d), "needs no escaping");
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachReasonCodeIsTheLowerCaseName(Rejection rejection) {
      assertEquals(rejection.name().toLowerCase(Locale.ROOT), rejection.reasonCode());
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachDescriptionIsInTheTestsHandWrittenCatalogue(Rejection rejection) throws Exception {
      Set<Object> catalogue = new HashSet<>();
      for (Field field : Refusals.class.getFields()) {
        catalogue.add(field.get(null));
      }

      assertTrue(catalogue.contains(rejection.description()), rejection::reasonCode);
    }
  }
}
