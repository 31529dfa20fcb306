package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.TrustedIssuer;
import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.PathAmbiguity;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.ClientAuthentication;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.testing.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gateway settings: rules, issuers, clients, claims, identity headers, introspection. */
class ConfigBinderFeaturesTest {

  private static final String ISSUER = "https://tenant.auth0.com/";

  private final Map<String, String> properties = new HashMap<>();

  private ConfigBinderFeaturesTest with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  private ConfigBinderFeaturesTest minimal() {
    return with("gatehouse.issuer", ISSUER).with("gatehouse.audiences", "https://api.example");
  }

  /** A source that can list its names, like init-params and MicroProfile Config. */
  private GatehouseConfig bind() {
    return new ConfigBinder(PropertyLookup.of(properties)).bind();
  }

  /** A source that can only be asked, like a plain environment lookup. */
  private GatehouseConfig bindWithoutNames() {
    return new ConfigBinder(key -> Optional.ofNullable(properties.get(key))).bind();
  }

  private String failure() {
    return assertThrows(IllegalArgumentException.class, this::bind).getMessage();
  }

  @Nested
  class Dpop {

    @Test
    void whenNothingIsSaidThenDpopIsAllowedWithTheDefaultProofRules() {
      assertEquals(DpopPolicy.DEFAULTS, minimal().bind().dpop());
    }

    @Test
    void whenEveryDpopSettingIsGivenThenTheStepGetsThem() {
      DpopPolicy dpop =
          minimal()
              .with("gatehouse.dpop", "required")
              .with("gatehouse.dpop.algorithms", "EdDSA, ES256")
              .with("gatehouse.dpop.proof-max-age", "30s")
              .with("gatehouse.dpop.nonce", "on")
              .with("gatehouse.dpop.replay-max-entries", "5000")
              .with("gatehouse.public-base-url", "https://api.example.com")
              .bind()
              .dpop();

      assertEquals(DpopMode.REQUIRED, dpop.mode());
      assertEquals(List.of("EdDSA", "ES256"), List.copyOf(dpop.algorithms()));
      assertEquals(Duration.ofSeconds(30), dpop.proofMaxAge());
      assertTrue(dpop.nonceRequired());
      assertEquals(5000, dpop.replayMaxEntries());
      assertEquals(Optional.of(URI.create("https://api.example.com")), dpop.publicBaseUrl());
    }

    @Test
    void whenTheModeIsUnknownThenTheErrorNamesTheProperty() {
      assertEquals(
          "gatehouse.dpop: 'sometimes' must be off, allowed or required",
          minimal().with("gatehouse.dpop", "sometimes").failure());
    }

    @Test
    void whenTheNonceSwitchIsNotOnOrOffThenTheErrorNamesTheProperty() {
      assertEquals(
          "gatehouse.dpop.nonce: 'yes' must be on or off",
          minimal().with("gatehouse.dpop.nonce", "yes").failure());
    }

    @Test
    void whenTheNonceIsOffThenProofsNeedNone() {
      assertFalse(minimal().with("gatehouse.dpop.nonce", "off").bind().dpop().nonceRequired());
    }

    @Test
    void whenTheNonceSlotAndRotationAreGivenThenTheNoncesUseThem() {
      DpopPolicy dpop =
          minimal()
              .with("gatehouse.dpop.nonce-slot", "30s")
              .with("gatehouse.dpop.nonce-rotation", "1h")
              .bind()
              .dpop();

      assertEquals(Duration.ofSeconds(30), dpop.nonceSlot());
      assertEquals(Duration.ofHours(1), dpop.nonceRotation());
    }

    @Test
    void whenOnlyTheNonceSlotIsGivenThenTheRotationKeepsItsDefault() {
      DpopPolicy dpop = minimal().with("gatehouse.dpop.nonce-slot", "10s").bind().dpop();

      assertEquals(Duration.ofSeconds(10), dpop.nonceSlot());
      assertEquals(DpopPolicy.DEFAULT_NONCE_ROTATION, dpop.nonceRotation());
    }

    @Test
    void whenOnlyTheNonceRotationIsGivenThenTheSlotKeepsItsDefault() {
      DpopPolicy dpop = minimal().with("gatehouse.dpop.nonce-rotation", "2h").bind().dpop();

      assertEquals(DpopPolicy.DEFAULT_NONCE_SLOT, dpop.nonceSlot());
      assertEquals(Duration.ofHours(2), dpop.nonceRotation());
    }

    @Test
    void whenTheNonceSlotIsLongerThanTheRotationThenTheErrorNamesBothProperties() {
      assertEquals(
          "gatehouse.dpop.nonce-slot (1h) must be at least 1s and no longer than"
              + " gatehouse.dpop.nonce-rotation (30m)",
          minimal()
              .with("gatehouse.dpop.nonce-slot", "1h")
              .with("gatehouse.dpop.nonce-rotation", "30m")
              .failure());
    }

    @Test
    void whenAProofAlgorithmIsSymmetricThenTheConfigurationIsRefused() {
      assertTrue(
          minimal()
              .with("gatehouse.dpop.algorithms", "HS256")
              .failure()
              .startsWith("gatehouse.dpop.algorithms: DPoP algorithm HS256 is not one of"));
    }

    @Test
    void whenTheProofMaxAgeIsZeroThenTheErrorNamesTheProperty() {
      assertEquals(
          "gatehouse.dpop.proof-max-age: PT0S must be positive",
          minimal().with("gatehouse.dpop.proof-max-age", "0s").failure());
    }

    @Test
    void whenThePublicBaseUrlHasAPathThenTheErrorNamesTheProperty() {
      assertTrue(
          minimal()
              .with("gatehouse.public-base-url", "https://api.example.com/v1")
              .failure()
              .startsWith("gatehouse.public-base-url: 'https://api.example.com/v1' must be an"));
    }

    @Test
    void whenTheReplayBoundIsNotPositiveThenTheConfigurationIsRefused() {
      assertTrue(
          minimal()
              .with("gatehouse.dpop.replay-max-entries", "0")
              .failure()
              .equals("gatehouse.dpop.replay-max-entries: 0 must be positive"));
    }
  }

  @Nested
  class Rules {

    @Test
    void whenRulesAreOneMultiLineValueThenEachLineIsARuleInOrder() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.rules", "GET /orders/* scopes=read\n* /health public\n")
              .with("gatehouse.rules.default", "deny")
              .with("gatehouse.cors-preflight", "permit")
              .bind();

      assertEquals(2, config.pathRules().rules().size());
      assertEquals("GET /orders/* scopes=read", config.pathRules().rules().get(0).toString());
      assertEquals(Access.Kind.DENY, config.pathRules().otherwise().kind());
      assertTrue(config.pathRules().permitsCorsPreflight());
    }

    @Test
    void whenRulesAreNumberedThenTheyApplyInNumericOrderEvenFromASourceThatCannotListNames() {
      minimal().with("gatehouse.rules.1", "* /a public").with("gatehouse.rules.2", "* /b deny");

      assertEquals(2, bindWithoutNames().pathRules().rules().size());
      with("gatehouse.rules.10", "* /c authenticated");
      assertEquals("* /c authenticated", bind().pathRules().rules().get(2).toString());
    }

    @Test
    void whenBothFormsAreUsedThenTheConfigurationIsRefused() {
      String message =
          minimal()
              .with("gatehouse.rules", "* /a public")
              .with("gatehouse.rules.1", "* /b deny")
              .failure();

      assertTrue(message.startsWith("gatehouse.rules and gatehouse.rules.1: use either"), message);
    }

    @Test
    void whenANumberedRuleIsBadThenTheErrorNamesItsKeyAndQuotesIt() {
      assertEquals(
          "gatehouse.rules.3: 'GET orders public': 'orders' is not a servlet pattern: use /exact,"
              + " /prefix/*, *.ext or /",
          minimal().with("gatehouse.rules.3", "GET orders public").failure());
    }

    @Test
    void whenTheDefaultOrPreflightSettingIsUnknownThenTheErrorNamesIt() {
      assertTrue(
          minimal()
              .with("gatehouse.rules.default", "allow")
              .failure()
              .startsWith("gatehouse.rules.default: 'allow'"));
      properties.remove("gatehouse.rules.default");
      assertEquals(
          "gatehouse.cors-preflight: 'yes' must be permit or rules",
          with("gatehouse.cors-preflight", "yes").failure());
    }

    @Test
    void whenNoRuleIsConfiguredThenEveryRequestNeedsAToken() {
      GatehouseConfig config = minimal().with("gatehouse.cors-preflight", "rules").bind();

      assertTrue(config.pathRules().rules().isEmpty());
      assertFalse(config.pathRules().permitsCorsPreflight());
      assertEquals(Access.Kind.AUTHENTICATED, config.pathRules().otherwise().kind());
      assertEquals(Set.of(), config.pathRules().requestPaths().allowed());
    }

    @Test
    void whenAmbiguousPathsAreAllowedByNameThenExactlyThoseReachTheRules() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.rules", "* /api/* authenticated")
              .with("gatehouse.allow-ambiguous-paths", "encoded-slash, Encoded-Semicolon")
              .bind();

      assertEquals(
          Set.of(PathAmbiguity.ENCODED_SLASH, PathAmbiguity.ENCODED_SEMICOLON),
          config.pathRules().requestPaths().allowed());
      assertEquals(1, config.pathRules().rules().size());
    }

    @Test
    void whenAnAmbiguityIsAllowedWithoutRulesThenItStillApplies() {
      GatehouseConfig config =
          minimal().with("gatehouse.allow-ambiguous-paths", "dot-segments").bind();

      assertEquals(Set.of(PathAmbiguity.DOT_SEGMENT), config.pathRules().requestPaths().allowed());
      assertEquals(Access.Kind.AUTHENTICATED, config.pathRules().otherwise().kind());
    }

    @Test
    void whenAnAmbiguityIsMisspelledThenTheErrorNamesTheKeyAndTheNamesThereAre() {
      assertEquals(
          "gatehouse.allow-ambiguous-paths: 'slash' is not one of encoded-slash, encoded-backslash,"
              + " backslash, encoded-semicolon, encoded-percent, encoded-period, dot-segments,"
              + " empty-segments",
          minimal().with("gatehouse.allow-ambiguous-paths", "encoded-period,slash").failure());
    }
  }

  @Nested
  class Issuers {

    @Test
    void whenOnlyNamedIssuersAreGivenThenTheFirstLeadsAndEachKeepsItsSettings() {
      GatehouseConfig config =
          with("gatehouse.issuers", "eu, us")
              .with("gatehouse.issuers.eu.issuer", "eu-tenant.auth0.com")
              .with("gatehouse.issuers.eu.audiences", "urn:eu")
              .with("gatehouse.issuers.us.issuer", "https://login.example.com/")
              .with("gatehouse.issuers.us.public-key", TestKeys.pem(TestKeys.RSA))
              .with("gatehouse.audiences", "urn:shared")
              .bind();

      List<TrustedIssuer> issuers = config.issuers();
      assertEquals(URI.create("https://eu-tenant.auth0.com/"), config.issuer());
      assertEquals(Set.of("urn:eu"), config.audiences(), "its own audiences only");
      assertEquals("eu", issuers.get(0).name());
      assertEquals(Set.of("urn:shared"), issuers.get(1).audiences());
      assertTrue(issuers.get(1).publicKey().isPresent());
    }

    @Test
    void whenANamedIssuerHasNoAudiencesAndThereAreNoneToInheritThenTheErrorNamesIt() {
      String message =
          with("gatehouse.issuers", "eu,us")
              .with("gatehouse.issuers.eu.issuer", "eu.example.com")
              .with("gatehouse.issuers.eu.audiences", "urn:eu")
              .with("gatehouse.issuers.us.issuer", "us.example.com")
              .failure();

      assertTrue(message.startsWith("gatehouse.issuers.us.audiences: at least one"), message);
    }

    @Test
    void whenTheFirstNamedIssuerHasNoAudiencesThenTheErrorNamesItsKey() {
      String message =
          with("gatehouse.issuers", "eu")
              .with("gatehouse.issuers.eu.issuer", "eu.example.com")
              .failure();

      assertTrue(message.startsWith("gatehouse.issuers.eu.audiences: at least one"), message);
    }

    @Test
    void whenANameIsBadOrRepeatedThenTheErrorNamesIt() {
      assertEquals(
          "gatehouse.issuers: 'e.u' is not a name of letters, digits, '-' and '_'",
          minimal().with("gatehouse.issuers", "e.u").failure());
      assertEquals(
          "gatehouse.issuers: 'eu' is listed twice", with("gatehouse.issuers", "eu eu").failure());
    }

    @Test
    void whenANamedIssuerUsesPlainHttpElsewhereThanLoopbackThenTheErrorNamesItsKey() {
      String message =
          minimal()
              .with("gatehouse.issuers", "b")
              .with("gatehouse.issuers.b.issuer", "http://idp.example/")
              .failure();

      assertTrue(
          message.startsWith("gatehouse.issuers.b.issuer: 'http://idp.example/' must use https"),
          message);
    }

    @Test
    void whenANamedIssuerHasBothKeySourcesThenTheErrorNamesBoth() {
      String message =
          minimal()
              .with("gatehouse.issuers", "b")
              .with("gatehouse.issuers.b.issuer", "b.example.com")
              .with("gatehouse.issuers.b.jwks-uri", "https://b.example.com/jwks")
              .with("gatehouse.issuers.b.public-key", TestKeys.pem(TestKeys.RSA))
              .failure();

      assertEquals(
          "gatehouse.issuers.b.jwks-uri and gatehouse.issuers.b.public-key: configure one key"
              + " source, not both",
          message);
    }

    @Test
    void whenNeitherFormIsGivenThenTheErrorStillNamesGatehouseIssuer() {
      String message = with("gatehouse.audiences", "a").failure();

      assertTrue(message.startsWith("gatehouse.issuer (env GATEHOUSE_ISSUER"), message);
      assertTrue(message.contains("gatehouse.issuers"), message);
    }
  }

  @Nested
  class ClientsClaimsAndHeaders {

    @Test
    void whenClientListsAreGivenThenTheyFormThePolicy() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.clients.allowed", "a, b")
              .with("gatehouse.clients.denied", "c")
              .bind();

      assertEquals(Set.of("a", "b"), config.access().clients().allowed());
      assertEquals(Set.of("c"), config.access().clients().denied());
    }

    @Test
    void whenRequiredClaimsAreListedThenEachBecomesARequirement() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.required-claims.org_id", "acme, Beta Corp")
              .with("gatehouse.required-claims.https://example.com/tier", "gold")
              .bind();

      assertEquals(
          List.of("https://example.com/tier in [gold]", "org_id"),
          config.access().claims().stream()
              .map(r -> r.claim().equals("org_id") ? r.claim() : r.toString())
              .toList());
    }

    @Test
    void whenARequiredClaimHasNoValueThenTheErrorNamesIt() {
      assertEquals(
          "gatehouse.required-claims.org_id: expected"
              + " gatehouse.required-claims.<claim>=<value>[,<value>]",
          minimal().with("gatehouse.required-claims.org_id", " , ").failure());
    }

    @Test
    void whenIdentityHeadersAreSwitchedOnThenDefaultsFillTheUnnamed() {
      GatehouseConfig config =
          minimal()
              .with("gatehouse.identity-headers", "true")
              .with("gatehouse.identity-headers.scopes", "X-Scopes")
              .bind();

      assertEquals("X-Auth-Subject", config.identityHeaders().orElseThrow().subject());
      assertEquals("X-Scopes", config.identityHeaders().orElseThrow().scopes());
      assertFalse(
          minimal()
              .with("gatehouse.identity-headers", "false")
              .bind()
              .identityHeaders()
              .isPresent());
    }
  }

  @Nested
  class Introspection {

    private ConfigBinderFeaturesTest introspection() {
      return minimal()
          .with("gatehouse.introspection.endpoint", "https://idp.example/oauth2/introspect")
          .with("gatehouse.introspection.client-id", "rs")
          .with("gatehouse.introspection.client-secret", "secret");
    }

    @Test
    void whenEverythingIsSetThenEachValueLandsInItsPlace() {
      IntrospectionConfig config =
          introspection()
              .with("gatehouse.introspection.client-auth", "client_secret_post")
              .with("gatehouse.introspection.audiences", "urn:a urn:b")
              .with("gatehouse.introspection.timeout", "1500ms")
              .with("gatehouse.introspection.cache-duration", "2m")
              .with("gatehouse.introspection.negative-cache-duration", "5s")
              .with("gatehouse.introspection.cache-max-entries", "500")
              .bind()
              .introspection()
              .orElseThrow();

      assertEquals(URI.create("https://idp.example/oauth2/introspect"), config.endpoint());
      assertEquals(ClientAuthentication.CLIENT_SECRET_POST, config.clientAuthentication());
      assertEquals(Set.of("urn:a", "urn:b"), config.audiences());
      assertEquals(Duration.ofMillis(1500), config.timeout());
      assertEquals(Duration.ofMinutes(2), config.cacheDuration());
      assertEquals(Duration.ofSeconds(5), config.negativeCacheDuration());
      assertEquals(500, config.cacheMaxEntries());
    }

    @Test
    void whenOnlyTheEndpointAndCredentialsAreSetThenTheDefaultsApply() {
      IntrospectionConfig config = introspection().bind().introspection().orElseThrow();

      assertEquals(ClientAuthentication.CLIENT_SECRET_BASIC, config.clientAuthentication());
      assertEquals(IntrospectionConfig.DEFAULT_CACHE_DURATION, config.cacheDuration());
    }

    @Test
    void whenTheSecretIsMissingThenTheErrorNamesBothCredentialKeys() {
      properties.remove("gatehouse.introspection.client-secret");

      assertTrue(
          introspection()
              .with("gatehouse.introspection.client-secret", " ")
              .failure()
              .startsWith(
                  "gatehouse.introspection.client-id and gatehouse.introspection.client-secret"));
    }

    @Test
    void whenASettingIsGivenWithoutTheEndpointThenTheErrorSaysSo() {
      assertEquals(
          "gatehouse.introspection.endpoint: required when gatehouse.introspection.client-id is set",
          minimal().with("gatehouse.introspection.client-id", "rs").failure());
    }

    @Test
    void whenTheEndpointIsPlainHttpThenItMustBeLoopbackAndAllowed() {
      String message =
          introspection()
              .with("gatehouse.introspection.endpoint", "http://idp.example/i")
              .failure();

      assertTrue(
          message.startsWith(
              "gatehouse.introspection.endpoint: 'http://idp.example/i' must use https"),
          message);
    }

    @Test
    void whenTheClientAuthenticationIsUnknownThenTheErrorNamesIt() {
      assertEquals(
          "gatehouse.introspection.client-auth: 'private_key_jwt' must be client_secret_basic or"
              + " client_secret_post",
          introspection().with("gatehouse.introspection.client-auth", "private_key_jwt").failure());
    }

    @Test
    void whenACacheBoundIsOutOfRangeThenTheErrorNamesIt() {
      assertTrue(
          introspection()
              .with("gatehouse.introspection.negative-cache-duration", "1h")
              .failure()
              .startsWith("gatehouse.introspection.negative-cache-duration: "));
    }
  }
}
