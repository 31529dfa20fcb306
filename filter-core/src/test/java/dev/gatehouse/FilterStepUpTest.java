package dev.gatehouse;

import static dev.gatehouse.testing.Refusals.AUTHENTICATION_LEVEL_INSUFFICIENT;
import static dev.gatehouse.testing.Refusals.AUTHENTICATION_TOO_OLD;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.authz.PathRules;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
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
 * Step-up authentication (RFC 9470) per path rule: the {@code acr} values a path accepts and how
 * long ago the user may have authenticated ({@code auth_time}); a token that falls short gets 401
 * {@code insufficient_user_authentication} naming what the path asks for.
 */
class FilterStepUpTest {

  private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");
  private static final String MFA = "urn:example:mfa";

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;

  @BeforeAll
  static void start() {
    api =
        ProtectedApi.start(
            GatehouseConfig.forIssuer(provider.issuer())
                .audiences(AUDIENCE)
                .allowInsecureLoopbackHttp()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .pathRules(
                    PathRules.builder()
                        .rules(
                            """
                            GET /api/transfer/* authenticated acr=urn:example:mfa,phr max-age=5m
                            GET /api/recent/* authenticated max-age=300
                            GET /api/strong/* scopes=admin acr=phr
                            """,
                            "test rules")
                        .build())
                .build());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static TestTokens.Builder valid() {
    return tokens.validAt(NOW);
  }

  private static final String TRANSFER_NEEDS =
      ", acr_values=\"urn:example:mfa phr\", max_age=\"300\"";

  private static void assertStepUp(String description, String needs, Reply reply) {
    assertEquals(401, reply.status(), reply::toString);
    assertEquals(
        "Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\""
            + description
            + "\""
            + needs,
        reply.challenge());
  }

  @Nested
  class AuthenticationLevel {

    @Test
    void whenTheAcrIsOneOfTheAcceptedValuesAndRecentThenTheRequestPasses() {
      assertAccepted(
          api.get(
              "/api/transfer/1",
              valid()
                  .claim("acr", "phr")
                  .claim("auth_time", NOW.minusSeconds(60).getEpochSecond())
                  .build()));
    }

    @Test
    void whenTheTokenHasNoAcrThenItIsRefusedNamingEverythingThePathAsksFor() {
      assertStepUp(
          AUTHENTICATION_LEVEL_INSUFFICIENT,
          TRANSFER_NEEDS,
          api.get("/api/transfer/1", valid().claim("auth_time", NOW.getEpochSecond()).build()));
    }

    @Test
    void whenTheAcrIsAnotherValueThenItIsRefused() {
      assertStepUp(
          AUTHENTICATION_LEVEL_INSUFFICIENT,
          TRANSFER_NEEDS,
          api.get(
              "/api/transfer/1",
              valid().claim("acr", "pwd").claim("auth_time", NOW.getEpochSecond()).build()));
    }

    @Test
    void whenTheAcrIsAnArrayHoldingAnAcceptedValueThenItIsRefused() {
      assertStepUp(
          AUTHENTICATION_LEVEL_INSUFFICIENT,
          TRANSFER_NEEDS,
          api.get(
              "/api/transfer/1",
              valid().claim("acr", List.of(MFA)).claim("auth_time", NOW.getEpochSecond()).build()));
    }

    @Test
    void whenTheAcrDiffersOnlyInCaseThenItIsRefused() {
      assertStepUp(
          AUTHENTICATION_LEVEL_INSUFFICIENT,
          TRANSFER_NEEDS,
          api.get(
              "/api/transfer/1",
              valid().claim("acr", "PHR").claim("auth_time", NOW.getEpochSecond()).build()));
    }
  }

  @Nested
  class AuthenticationAge {

    @Test
    void whenTheUserAuthenticatedExactlyTheMaximumAgeAgoThenTheRequestPasses() {
      assertAccepted(
          api.get(
              "/api/recent/1",
              valid()
                  .claim("auth_time", NOW.minus(Duration.ofMinutes(5)).getEpochSecond())
                  .build()));
    }

    @Test
    void whenTheUserAuthenticatedOneSecondTooLongAgoThenItIsRefused() {
      assertStepUp(
          AUTHENTICATION_TOO_OLD,
          ", max_age=\"300\"",
          api.get(
              "/api/recent/1",
              valid().claim("auth_time", NOW.minusSeconds(301).getEpochSecond()).build()));
    }

    @Test
    void whenTheTokenHasNoAuthTimeThenItIsRefusedAsTooOld() {
      assertStepUp(
          AUTHENTICATION_TOO_OLD, ", max_age=\"300\"", api.get("/api/recent/1", valid().build()));
    }

    @Test
    void whenAuthTimeIsNotANumberThenItIsRefusedAsTooOld() {
      assertStepUp(
          AUTHENTICATION_TOO_OLD,
          ", max_age=\"300\"",
          api.get(
              "/api/recent/1",
              valid().claim("auth_time", Long.toString(NOW.getEpochSecond())).build()));
    }

    @Test
    void whenAuthTimeIsBeyondAnyDateThenItIsRefusedAsTooOld() {
      assertStepUp(
          AUTHENTICATION_TOO_OLD,
          ", max_age=\"300\"",
          api.get("/api/recent/1", valid().claim("auth_time", 1e300).build()));
    }

    @Test
    void whenTheAcrIsRightButTheAuthenticationTooOldThenTheAgeIsWhatIsRefused() {
      assertStepUp(
          AUTHENTICATION_TOO_OLD,
          TRANSFER_NEEDS,
          api.get(
              "/api/transfer/1",
              valid()
                  .claim("acr", MFA)
                  .claim("auth_time", NOW.minusSeconds(600).getEpochSecond())
                  .build()));
    }
  }

  @Nested
  class WithScopes {

    @Test
    void whenBothTheAcrAndTheScopeAreMissingThenStepUpComesFirst() {
      assertStepUp(
          AUTHENTICATION_LEVEL_INSUFFICIENT,
          ", acr_values=\"phr\"",
          api.get("/api/strong/1", valid().scope("read").build()));
    }

    @Test
    void whenTheAcrIsRightButTheScopeIsMissingThenItIs403() {
      Reply reply = api.get("/api/strong/1", valid().claim("acr", "phr").scope("read").build());
      assertEquals(403, reply.status(), reply::toString);
    }

    @Test
    void whenAPathHasNoStepUpThenNoAcrIsAskedFor() {
      assertAccepted(api.get("/api/other", valid().build()));
    }
  }

  @Nested
  class AnonymousPassage {

    /** The entry point GatehouseLoginFilter's {@code pass} action uses. */
    static final class AllowingAnonymous extends GatehouseFilter {
      AllowingAnonymous(GatehouseConfig config) {
        super(config);
      }

      @Override
      public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
          throws IOException, ServletException {
        filter(req, res, chain, true);
      }
    }

    @Test
    void whenARuleAsksForStepUpThenARequestWithoutATokenIsNotLetThroughAnonymously() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer())
              .audiences(AUDIENCE)
              .allowInsecureLoopbackHttp()
              .pathRules(
                  PathRules.builder()
                      .rule("GET /api/transfer/* authenticated acr=phr")
                      .rule("GET /api/* authenticated")
                      .build())
              .build();
      try (ProtectedApi anonymous = ProtectedApi.startWith(new AllowingAnonymous(config))) {
        assertEquals(200, anonymous.send(anonymous.request("/api/echo")).status());
        assertEquals(401, anonymous.send(anonymous.request("/api/transfer/1")).status());
      }
    }
  }
}
