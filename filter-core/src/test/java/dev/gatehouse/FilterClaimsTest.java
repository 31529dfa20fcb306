package dev.gatehouse;

import static dev.gatehouse.testing.Refusals.EXPIRED;
import static dev.gatehouse.testing.Refusals.INVALID_CLAIMS;
import static dev.gatehouse.testing.Refusals.ISSUED_IN_FUTURE;
import static dev.gatehouse.testing.Refusals.NOT_YET_VALID;
import static dev.gatehouse.testing.Refusals.NO_EXPIRY;
import static dev.gatehouse.testing.Refusals.WRONG_AUDIENCE;
import static dev.gatehouse.testing.Refusals.WRONG_ISSUER;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claim checks on a correctly signed token: lifetime against a fixed clock with the default 30 s
 * skew (and with none), issuer, audience, and claim types.
 */
class FilterClaimsTest {

  private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");
  private static final Duration SKEW = ClockSkew.DEFAULT;

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;
  private static ProtectedApi noSkew;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(config().build());
    noSkew = ProtectedApi.start(config().clockSkew(Duration.ZERO).build());
  }

  @AfterAll
  static void stop() {
    api.close();
    noSkew.close();
  }

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static TestTokens.Builder valid() {
    return tokens.validAt(NOW);
  }

  @Nested
  class Expiry {

    @Test
    void whenExpiredLongAgoThen401Expired() {
      assertRejected(EXPIRED, api.get(valid().expiresAt(NOW.minus(Duration.ofHours(1))).build()));
    }

    @Test
    void whenExpiredExactlyTheSkewAgoThenRejected() {
      assertRejected(EXPIRED, api.get(valid().expiresAt(NOW.minus(SKEW)).build()));
    }

    @Test
    void whenExpiredOneSecondLessThanTheSkewAgoThenAccepted() {
      Reply reply = api.get(valid().expiresAt(NOW.minus(SKEW).plusSeconds(1)).build());

      assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void whenSkewIsZeroThenExpAtNowIsAlreadyExpired() {
      assertRejected(EXPIRED, noSkew.get(valid().expiresAt(NOW).build()));
      assertEquals(200, noSkew.get(valid().expiresAt(NOW.plusSeconds(1)).build()).status());
    }

    @Test
    void whenExpIsMissingThen401NoExpiry() {
      assertRejected(NO_EXPIRY, api.get(valid().without("exp").build()));
    }

    @Test
    void whenExpIsNotANumberThen401InvalidClaims() {
      assertRejected(INVALID_CLAIMS, api.get(valid().claim("exp", "tomorrow").build()));
    }
  }

  @Nested
  class NotBefore {

    @Test
    void whenNbfIsExactlyTheSkewAheadThenAccepted() {
      assertEquals(200, api.get(valid().notBefore(NOW.plus(SKEW)).build()).status());
    }

    @Test
    void whenNbfIsOneSecondBeyondTheSkewThen401NotYetValid() {
      assertRejected(
          NOT_YET_VALID, api.get(valid().notBefore(NOW.plus(SKEW).plusSeconds(1)).build()));
    }

    @Test
    void whenSkewIsZeroThenNbfOneSecondAheadIsRejected() {
      assertEquals(200, noSkew.get(valid().notBefore(NOW).build()).status());
      assertRejected(NOT_YET_VALID, noSkew.get(valid().notBefore(NOW.plusSeconds(1)).build()));
    }

    @Test
    void whenNbfIsInThePastThenAccepted() {
      assertEquals(200, api.get(valid().notBefore(NOW.minusSeconds(60)).build()).status());
    }
  }

  @Nested
  class IssuedAt {

    @Test
    void whenIatIsExactlyTheSkewAheadThenAccepted() {
      assertEquals(200, api.get(valid().issuedAt(NOW.plus(SKEW)).build()).status());
    }

    @Test
    void whenIatIsOneSecondBeyondTheSkewThen401IssuedInTheFuture() {
      assertRejected(
          ISSUED_IN_FUTURE, api.get(valid().issuedAt(NOW.plus(SKEW).plusSeconds(1)).build()));
    }

    @Test
    void whenIatIsMissingThenAccepted() {
      assertEquals(200, api.get(valid().without("iat").build()).status());
    }
  }

  @Nested
  class Issuer {

    @Test
    void whenIssIsAnotherProviderThen401WrongIssuer() {
      assertRejected(WRONG_ISSUER, api.get(valid().claim("iss", "https://evil.example/").build()));
    }

    @Test
    void whenIssDiffersOnlyByTheTrailingSlashThenRejected() {
      // iss is compared as a string (RFC 7519 section 4.1.1); no normalisation.
      String withoutSlash = provider.issuer().substring(0, provider.issuer().length() - 1);

      assertRejected(WRONG_ISSUER, api.get(valid().claim("iss", withoutSlash).build()));
    }

    @Test
    void whenIssIsMissingThenRejected() {
      assertRejected(WRONG_ISSUER, api.get(valid().without("iss").build()));
    }
  }

  @Nested
  class Audience {

    @Test
    void whenAudIsAnotherApiThen401WrongAudience() {
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience("urn:another-api").build()));
    }

    @Test
    void whenAudArrayDoesNotContainOursThenRejected() {
      assertRejected(WRONG_AUDIENCE, api.get(valid().audience(list("urn:a", "urn:b")).build()));
    }

    @Test
    void whenAudIsMissingThenRejected() {
      assertRejected(WRONG_AUDIENCE, api.get(valid().without("aud").build()));
    }
  }

  @Nested
  class ClaimTypes {

    @Test
    void whenTheSignedPayloadIsNotJsonThen401Malformed() {
      assertRejected(
          "The access token is malformed.", api.get(valid().rawPayload("hello").build()));
    }

    @Test
    void whenTheSignedPayloadIsAJsonArrayThen401Malformed() {
      assertRejected(
          "The access token is malformed.", api.get(valid().rawPayload("[1,2]").build()));
    }

    @Test
    void whenScopeIsNotAStringThen401InvalidClaims() {
      assertRejected(INVALID_CLAIMS, api.get(valid().claim("scope", 42).build()));
    }

    @Test
    void whenPermissionsHoldsANonStringThen401InvalidClaims() {
      assertRejected(
          INVALID_CLAIMS, api.get(valid().claim("permissions", List.of("read", 7)).build()));
    }
  }

  @Nested
  class WhenSeveralChecksFail {

    @Test
    void thenTheAudienceIsReportedBeforeTheLifetime() {
      String token =
          valid().audience("urn:another-api").expiresAt(NOW.minus(Duration.ofHours(1))).build();

      assertRejected(WRONG_AUDIENCE, api.get(token));
    }

    @Test
    void thenTheIssuerIsReportedBeforeTheAudience() {
      String token = valid().claim("iss", "https://evil.example/").audience("urn:x").build();

      assertRejected(WRONG_ISSUER, api.get(token));
    }
  }
}
