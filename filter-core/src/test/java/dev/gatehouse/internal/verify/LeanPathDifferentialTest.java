package dev.gatehouse.internal.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.lean.Verdict;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import dev.gatehouse.token.AccessToken;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The lean path ({@link dev.gatehouse.internal.lean.LeanVerifier}) against the full jose4j path of
 * the same verifier: for every token, both accept it with the same {@link AccessToken} and key, or
 * both refuse it for the same reason. The full path is the specification.
 */
class LeanPathDifferentialTest {

  static final String ISSUER = "https://issuer.lean.test/";
  static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");
  static final TestTokens TOKENS = new TestTokens(ISSUER);
  static final String JWKS =
      new JsonWebKeySet(TestKeys.RSA, TestKeys.RSA_NEXT, TestKeys.EC, TestKeys.ED25519)
          .toJson(OutputControlLevel.PUBLIC_ONLY);

  static GatehouseConfig config(String keys) {
    return GatehouseConfig.forIssuer(ISSUER)
        .audiences(TestTokens.AUDIENCE)
        .algorithms("RS256", "PS256", "ES256", "EdDSA")
        .publicKey(keys)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  static JwtAccessTokenVerifier verifier(String keys) {
    return Steps.verifier(config(keys), StaticKeySource.parse(keys, "test"));
  }

  static final JwtAccessTokenVerifier JWKS_VERIFIER = verifier(JWKS);
  static final JwtAccessTokenVerifier PEM_VERIFIER = verifier(TestKeys.pem(TestKeys.RSA));

  /** What a verification came to, comparable across paths. */
  static String outcome(Supplier<Verified> run) {
    try {
      Verified verified = run.get();
      AccessToken t = verified.token();
      return "accepted sub="
          + t.subject()
          + " iss="
          + t.issuer()
          + " aud="
          + t.audiences()
          + " scopes="
          + t.scopes()
          + " permissions="
          + t.permissions()
          + " client="
          + t.clientId()
          + " iat="
          + t.issuedAt()
          + " exp="
          + t.expiresAt()
          + " jti="
          + t.tokenId()
          + " claims="
          + t.claims()
          + " key@"
          + System.identityHashCode(verified.key());
    } catch (BearerTokenException e) {
      return "refused " + e.rejection();
    } catch (ProviderUnavailableException e) {
      return "unavailable";
    } catch (RuntimeException e) {
      return "escaped " + e.getClass().getName();
    }
  }

  static String viaFullPath(JwtAccessTokenVerifier verifier, String token) {
    return outcome(() -> verifier.viaFullPath(token));
  }

  static String viaVerifier(JwtAccessTokenVerifier verifier, String token) {
    return outcome(() -> verifier.verifyWithKey(token));
  }

  static void assertSameOutcome(JwtAccessTokenVerifier verifier, String token) {
    String full = viaFullPath(verifier, token);
    assertEquals(full, viaVerifier(verifier, token), () -> "token " + token);
    assertTrue(!full.startsWith("escaped"), () -> full + " for " + token);
  }

  static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }

  /** A token with exactly this header and payload text, RS256-signed by {@code key}. */
  static String signedRaw(String header, String payload, PrivateKey key) {
    String input = b64(header) + "." + b64(payload);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(input.getBytes(UTF_8));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String RS256_HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}";

  static String claimsJson(String extra) {
    return "{\"iss\":\""
        + ISSUER
        + "\",\"aud\":\""
        + TestTokens.AUDIENCE
        + "\",\"sub\":\"s\","
        + "\"exp\":"
        + NOW.plusSeconds(300).getEpochSecond()
        + ",\"scope\":\"read\""
        + extra
        + "}";
  }

  @Nested
  class CommonTokensTakeTheLeanPath {

    @Test
    void whenTheHeaderIsAuth0sThenTheLeanPathAcceptsAsTheFullPathDoes() {
      for (String token :
          List.of(
              TOKENS.validAt(NOW).build(),
              TOKENS.validAt(NOW).typ("at+jwt").build(),
              TOKENS.validAt(NOW).typ("application/at+jwt").build(),
              TOKENS.validAt(NOW).withoutHeader("typ").build(),
              TOKENS.validAt(NOW).alg("PS256").build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.EC).build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.ED25519).build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build())) {
        assertInstanceOf(Verdict.Accepted.class, JWKS_VERIFIER.viaLeanPath(token), token);
        assertSameOutcome(JWKS_VERIFIER, token);
      }
    }

    @Test
    void whenTheOnlyKeyHasNoKidAndTheTokenNamesNoneThenTheLeanPathAccepts() {
      String token = TOKENS.validAt(NOW).withoutHeader("kid").build();
      assertInstanceOf(Verdict.Accepted.class, PEM_VERIFIER.viaLeanPath(token));
      assertSameOutcome(PEM_VERIFIER, token);
    }

    @Test
    void whenTheTokenNamesAKidAndTheOnlyKeyIsAKidLessPemThenTheLeanPathAccepts() {
      String token = TOKENS.validAt(NOW).build();
      assertInstanceOf(Verdict.Accepted.class, PEM_VERIFIER.viaLeanPath(token));
      assertSameOutcome(PEM_VERIFIER, token);
      String byOther = TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build();
      assertEquals("refused UNKNOWN_KEY", viaVerifier(PEM_VERIFIER, byOther));
      assertSameOutcome(PEM_VERIFIER, byOther);
    }

    @Test
    void whenTheHeaderIsUnusualThenTheFullPathDecides() {
      for (String token :
          List.of(
              TOKENS.validAt(NOW).header("x5t", "abc").build(),
              TOKENS.validAt(NOW).header("cty", "JWT").build(),
              TOKENS.validAt(NOW).header("crit", List.of("exp")).build(),
              TOKENS.validAt(NOW).kid(null).build())) {
        assertInstanceOf(Verdict.Undecided.class, JWKS_VERIFIER.viaLeanPath(token), token);
      }
    }
  }

  @Nested
  class Catalogue {

    private List<String> tokens() {
      List<String> t = new ArrayList<>();
      // valid, other algorithms and keys
      add(t, () -> TOKENS.validAt(NOW).build());
      add(t, () -> TOKENS.validAt(NOW).alg("PS256").build());
      add(t, () -> TOKENS.validAt(NOW).signedWith(TestKeys.EC).build());
      add(t, () -> TOKENS.validAt(NOW).signedWith(TestKeys.ED25519).build());
      add(t, () -> TOKENS.validAt(NOW).withoutHeader("kid").build());
      add(t, () -> TOKENS.validAt(NOW).withoutHeader("kid").withoutHeader("typ").build());
      // header checks
      add(t, () -> TOKENS.validAt(NOW).typ("id_token").build());
      add(t, () -> TOKENS.validAt(NOW).typ("JWT").header("typ", 7).build());
      add(t, () -> TOKENS.validAt(NOW).header("crit", List.of("exp")).build());
      add(t, () -> TOKENS.validAt(NOW).header("b64", false).build());
      add(t, () -> TOKENS.validAt(NOW).header("jku", "https://attacker.example/jwks").build());
      add(t, () -> TOKENS.validAt(NOW).header("jwk", Map.of("kty", "oct", "k", "AAAA")).build());
      add(t, () -> TOKENS.validAt(NOW).header("x5t", "abc").build());
      add(t, () -> TOKENS.validAt(NOW).header("cty", "JWT").build());
      add(t, () -> TOKENS.validAt(NOW).kid("no-such-key").build());
      add(t, () -> TOKENS.validAt(NOW).header("kid", 5).build());
      add(t, () -> TOKENS.validAt(NOW).alg("RS384").build());
      add(t, () -> TOKENS.validAt(NOW).alg("ES256").build());
      add(
          t,
          () -> TOKENS.validAt(NOW).signedWith(TestKeys.EC).kid(TestKeys.RSA.getKeyId()).build());
      add(
          t,
          () ->
              TOKENS
                  .validAt(NOW)
                  .signedWith(TestKeys.ATTACKER)
                  .kid(TestKeys.RSA.getKeyId())
                  .build());
      add(t, () -> TOKENS.validAt(NOW).signedWith(TestKeys.RSA_1024).build());
      add(t, () -> TOKENS.validAt(NOW).unsigned().build());
      add(t, () -> TOKENS.validAt(NOW).hmacWithPublicKeyOf(TestKeys.RSA).build());
      add(t, () -> TOKENS.validAt(NOW).hmacWith(TestKeys.OCT).build());
      // claims
      add(t, () -> TOKENS.validAt(NOW).claim("iss", "https://other.example/").build());
      add(t, () -> TOKENS.validAt(NOW).claim("iss", 42).build());
      add(t, () -> TOKENS.validAt(NOW).claim("iss", List.of(ISSUER)).build());
      add(t, () -> TOKENS.validAt(NOW).without("iss").build());
      add(t, () -> TOKENS.validAt(NOW).audience("urn:other").build());
      add(t, () -> TOKENS.validAt(NOW).audience(List.of("urn:other", TestTokens.AUDIENCE)).build());
      add(t, () -> TOKENS.validAt(NOW).audience(List.of(TestTokens.AUDIENCE, 3)).build());
      add(t, () -> TOKENS.validAt(NOW).audience(3).build());
      add(t, () -> TOKENS.validAt(NOW).without("aud").build());
      add(t, () -> TOKENS.validAt(NOW).without("exp").build());
      add(t, () -> TOKENS.validAt(NOW).claim("exp", "tomorrow").build());
      add(t, () -> TOKENS.validAt(NOW).claim("exp", 1e300).build());
      add(t, () -> TOKENS.validAt(NOW).claim("exp", -5).build());
      add(t, () -> TOKENS.validAt(NOW).claim("exp", NOW.getEpochSecond() + 0.5).build());
      add(t, () -> TOKENS.validAt(NOW).expiresAt(NOW.minusSeconds(60)).build());
      add(t, () -> TOKENS.validAt(NOW).expiresAt(NOW.minusSeconds(10)).build());
      add(t, () -> TOKENS.validAt(NOW).notBefore(NOW.plusSeconds(600)).build());
      add(t, () -> TOKENS.validAt(NOW).claim("nbf", "soon").build());
      add(t, () -> TOKENS.validAt(NOW).issuedAt(NOW.plusSeconds(600)).build());
      add(t, () -> TOKENS.validAt(NOW).claim("iat", true).build());
      add(t, () -> TOKENS.validAt(NOW).expiresAt(NOW.minusSeconds(60)).claim("iss", "x").build());
      add(t, () -> TOKENS.validAt(NOW).claim("scope", 7).build());
      add(t, () -> TOKENS.validAt(NOW).claim("scope", List.of("a", "b")).build());
      add(t, () -> TOKENS.validAt(NOW).claim("scp", List.of("a", 1)).build());
      add(t, () -> TOKENS.validAt(NOW).claim("permissions", "read:all").build());
      add(t, () -> TOKENS.validAt(NOW).claim("permissions", List.of("read:all")).build());
      add(t, () -> TOKENS.validAt(NOW).claim("sub", 12).build());
      add(t, () -> TOKENS.validAt(NOW).claim("jti", List.of()).build());
      add(t, () -> TOKENS.validAt(NOW).claim("azp", 1).build());
      add(t, () -> TOKENS.validAt(NOW).claim("client_id", "c").build());
      add(
          t,
          () -> TOKENS.validAt(NOW).claim("nested", Map.of("a", List.of(1L, 2.5, true))).build());
      // payloads that are not a claims object, signed
      for (String payload :
          List.of(
              "not json",
              "[]",
              "null",
              "\"text\"",
              "{",
              "{}",
              claimsJson(",\"scope\":\"twice\""),
              claimsJson(",\"big\":123456789012345678901234567890"),
              claimsJson(",\"esc\":\"\\u00e9\\n\\ud83d\\ude00\""),
              claimsJson(",\"deep\":" + "[".repeat(40) + "]".repeat(40)),
              claimsJson(",\"deep\":" + "[".repeat(20) + "]".repeat(20)),
              claimsJson("") + " ",
              claimsJson("") + "x",
              claimsJson(",\"n\":01"),
              claimsJson(",\"n\":1e400"),
              claimsJson(",\"n\":-0.0"))) {
        add(t, () -> TOKENS.validAt(NOW).rawPayload(payload).build());
      }
      // headers as raw text
      PrivateKey rsa = TestKeys.RSA.getRsaPrivateKey();
      t.add(signedRaw(RS256_HEADER, claimsJson(""), rsa));
      t.add(
          signedRaw(
              "{\"alg\":\"RS256\",\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", claimsJson(""), rsa));
      t.add(signedRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"} ", claimsJson(""), rsa));
      t.add(signedRaw("{\"alg\":\"rs256\",\"kid\":\"rsa-1\"}", claimsJson(""), rsa));
      t.add(
          signedRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"JwT\"}", claimsJson(""), rsa));
      t.add(signedRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":null}", claimsJson(""), rsa));
      t.add(signedRaw("{\"alg\":\"RS256\",\"kid\":null}", claimsJson(""), rsa));
      t.add(signedRaw("[]", claimsJson(""), rsa));
      t.add(signedRaw("not json", claimsJson(""), rsa));
      t.add(signedRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", "not json", rsa));
      // tampering after signing
      String genuine = TOKENS.validAt(NOW).build();
      String[] parts = genuine.split("\\.");
      String other = TOKENS.validAt(NOW).claim("sub", "mallory").build();
      t.add(parts[0] + "." + other.split("\\.")[1] + "." + parts[2]);
      t.add(parts[0] + "." + b64("not json") + "." + parts[2]);
      t.add(parts[0] + "." + b64("[1]") + "." + parts[2]);
      t.add(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40));
      t.add(parts[0] + "." + parts[1] + "." + parts[2] + "AA");
      t.add(parts[0] + "." + b64("not json") + "." + parts[2] + "AA");
      t.add(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2]);
      t.add(parts[0] + "." + parts[1]);
      t.add(parts[1] + "." + parts[0] + "." + parts[2]);
      t.add(trailingZero(TOKENS.validAt(NOW).signedWith(TestKeys.ED25519).build()));
      t.add(trailingZero(TOKENS.validAt(NOW).signedWith(TestKeys.EC).build()));
      return t;
    }

    @Test
    void whenKeysComeFromAJwksThenBothPathsAgreeOnEveryToken() {
      tokens().forEach(token -> assertSameOutcome(JWKS_VERIFIER, token));
    }

    @Test
    void whenTheOnlyKeyIsAKidLessPemThenBothPathsAgreeOnEveryToken() {
      tokens().forEach(token -> assertSameOutcome(PEM_VERIFIER, token));
    }

    @Test
    void whenSeveralKeysHaveNoKidThenBothPathsAgreeOnEveryToken() throws JoseException {
      List<JsonWebKey> keys = new ArrayList<>();
      for (PublicJsonWebKey key : List.of(TestKeys.RSA_NEXT, TestKeys.RSA, TestKeys.EC)) {
        keys.add(PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey()));
      }
      String jwks = new JsonWebKeySet(keys).toJson(OutputControlLevel.PUBLIC_ONLY);
      JwtAccessTokenVerifier verifier = verifier(jwks);
      tokens().forEach(token -> assertSameOutcome(verifier, token));
    }

    @Test
    void whenTheKeySourceFailsThenBothPathsAgree() {
      for (RuntimeException failure :
          List.of(
              new ProviderUnavailableException(
                  ProviderUnavailableException.Cause.KEYS_UNAVAILABLE,
                  java.time.Duration.ofSeconds(5),
                  null),
              new IllegalStateException("bug"))) {
        KeySource failing =
            new KeySource() {
              @Override
              public List<JsonWebKey> keys() {
                throw failure;
              }

              @Override
              public boolean refreshUnknownKey(List<JsonWebKey> seen) {
                throw failure;
              }
            };
        JwtAccessTokenVerifier verifier = Steps.verifier(config(JWKS), failing);
        tokens().forEach(token -> assertSameOutcome(verifier, token));
      }
    }

    /** Some attack tokens cannot be made on every JDK (a header jose4j refuses to sign with). */
    private void add(List<String> tokens, Supplier<String> token) {
      try {
        tokens.add(token.get());
      } catch (IllegalStateException e) {
        // not this one
      }
    }

    private String trailingZero(String token) {
      String[] p = token.split("\\.");
      byte[] signature = Base64.getUrlDecoder().decode(p[2]);
      byte[] longer = java.util.Arrays.copyOf(signature, signature.length + 1);
      return p[0]
          + "."
          + p[1]
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(longer);
    }
  }

  @Nested
  class NestedScopeClaims {

    /** Keycloak's role paths and an Auth0 namespaced claim, beside the default claims. */
    final JwtAccessTokenVerifier verifier =
        Steps.verifier(
            GatehouseConfig.forIssuer(ISSUER)
                .audiences(TestTokens.AUDIENCE)
                .publicKey(JWKS)
                .scopeClaims(
                    List.of(
                        "scope",
                        "realm_access.roles",
                        "resource_access.orders-api.roles",
                        "resource_access.shop.web.roles",
                        "https://example.com/roles"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build(),
            StaticKeySource.parse(JWKS, "test"));

    private List<String> tokens() {
      List<String> t = new ArrayList<>();
      Map<String, Object> clients =
          Map.of(
              "orders-api", Map.of("roles", List.of("write")),
              "shop.web", Map.of("roles", List.of("shop-admin")),
              "billing", Map.of("roles", List.of("refund")));
      t.add(TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", List.of("a", "b"))).build());
      t.add(TOKENS.validAt(NOW).claim("resource_access", clients).build());
      t.add(TOKENS.validAt(NOW).claim("https://example.com/roles", List.of("ns")).build());
      t.add(
          TOKENS
              .validAt(NOW)
              .claim("https://example.com/roles", "ns other")
              .claim("https://example", Map.of("com/roles", List.of("intruder")))
              .build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", "a b")).build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", List.of("a", 1))).build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", Map.of("a", "b"))).build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", 5)).build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", "roles").build());
      t.add(TOKENS.validAt(NOW).claim("realm_access", List.of(Map.of("roles", "a"))).build());
      t.add(TOKENS.validAt(NOW).claim("resource_access", Map.of("orders-api", 3)).build());
      for (String extra :
          List.of(
              ",\"realm_access\":null",
              ",\"realm_access\":{\"roles\":null}",
              ",\"realm_access\":{\"roles\":[\"a\",null]}",
              ",\"realm_access\":{\"roles\":[\"a\"],\"roles\":[\"b\"]}",
              ",\"realm\\u005faccess\":{\"ro\\u006ces\":[\"escaped\"]}",
              ",\"realm_access\":{\"roles\":[\"\\u00e9t\\u00e9\"]}",
              ",\"realm_access\":{\"roles\":[12345678901234567890]}",
              ",\"realm_access\":{\"roles\":" + "[".repeat(35) + "]".repeat(35) + "}",
              ",\"resource_access\":{\"shop\":{\"web\":{\"roles\":[\"split\"]}}}")) {
        t.add(signedRaw(RS256_HEADER, claimsJson(extra), TestKeys.RSA.getRsaPrivateKey()));
      }
      return t;
    }

    @Test
    void whenScopesComeFromNestedPathsThenBothPathsAgreeOnEveryToken() {
      tokens().forEach(token -> assertSameOutcome(verifier, token));
    }

    @Test
    void whenARoleIsNestedThenBothPathsReadItAsAScope() {
      String token =
          TOKENS.validAt(NOW).claim("realm_access", Map.of("roles", List.of("a"))).build();

      String outcome = viaVerifier(verifier, token);
      assertTrue(outcome.contains("scopes=[read, write, a]"), outcome);
      assertSameOutcome(verifier, token);
    }
  }

  @Nested
  class UnknownKid {

    /** A key source that learns {@code later} on its first refresh, counting refreshes. */
    final class Rotating implements KeySource {
      final AtomicInteger refreshes = new AtomicInteger();
      volatile List<JsonWebKey> keys;
      final List<JsonWebKey> later;

      Rotating(List<JsonWebKey> now, List<JsonWebKey> later) {
        this.keys = List.copyOf(now);
        this.later = List.copyOf(later);
      }

      @Override
      public List<JsonWebKey> keys() {
        return keys;
      }

      @Override
      public boolean refreshUnknownKey(List<JsonWebKey> seen) {
        refreshes.incrementAndGet();
        if (keys != later) {
          keys = later;
          return true;
        }
        return false;
      }
    }

    private List<JsonWebKey> publicKeys(PublicJsonWebKey... keys) throws JoseException {
      List<JsonWebKey> list = new ArrayList<>();
      for (PublicJsonWebKey key : keys) {
        PublicJsonWebKey copy = PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey());
        copy.setKeyId(key.getKeyId());
        list.add(copy);
      }
      return list;
    }

    @Test
    void whenATokenNamesANewKeyThenBothPathsRefreshOnceAndAgree() throws JoseException {
      List<String> tokens =
          List.of(
              TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build(),
              TOKENS.validAt(NOW).kid("never").build(),
              TOKENS.validAt(NOW).rawPayload("not json").kid("never").build(),
              TOKENS.validAt(NOW).build());
      Rotating leanKeys =
          new Rotating(publicKeys(TestKeys.RSA), publicKeys(TestKeys.RSA, TestKeys.RSA_NEXT));
      Rotating fullKeys =
          new Rotating(publicKeys(TestKeys.RSA), publicKeys(TestKeys.RSA, TestKeys.RSA_NEXT));
      JwtAccessTokenVerifier lean = Steps.verifier(config(JWKS), leanKeys);
      JwtAccessTokenVerifier full = Steps.verifier(config(JWKS), fullKeys);
      for (String token : tokens) {
        String expected = viaFullPath(full, token).replaceAll("key@\\d+", "key");
        assertEquals(expected, viaVerifier(lean, token).replaceAll("key@\\d+", "key"));
        assertEquals(fullKeys.refreshes.get(), leanKeys.refreshes.get());
      }
      assertEquals(2, leanKeys.refreshes.get());
    }

    @Test
    void whenOnlyKidLessKeysAreTrustedThenEachTokenAsksForARefreshAsOnTheFullPath()
        throws JoseException {
      List<JsonWebKey> pem =
          List.of(PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublicKey()));
      Rotating leanKeys = new Rotating(pem, pem);
      Rotating fullKeys = new Rotating(pem, pem);
      JwtAccessTokenVerifier lean = Steps.verifier(config(JWKS), leanKeys);
      JwtAccessTokenVerifier full = Steps.verifier(config(JWKS), fullKeys);
      List<String> tokens =
          List.of(
              TOKENS.validAt(NOW).build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build(),
              TOKENS.validAt(NOW).rawPayload("not json").build(),
              TOKENS.validAt(NOW).claim("iss", "x").build());
      for (String token : tokens) {
        assertEquals(
            viaFullPath(full, token).replaceAll("key@\\d+", "key"),
            viaVerifier(lean, token).replaceAll("key@\\d+", "key"));
        assertEquals(fullKeys.refreshes.get(), leanKeys.refreshes.get());
      }
      assertEquals(3, leanKeys.refreshes.get(), "not for the malformed payload");
    }

    @Test
    void whenARefreshBringsNewKeysForAKidLessSetThenBothPathsAgree() throws JoseException {
      List<JsonWebKey> pem =
          List.of(PublicJsonWebKey.Factory.newPublicJwk(TestKeys.RSA.getPublicKey()));
      List<JsonWebKey> rotated = publicKeys(TestKeys.RSA_NEXT);
      String token = TOKENS.validAt(NOW).signedWith(TestKeys.RSA_NEXT).build();
      String full = viaFullPath(Steps.verifier(config(JWKS), new Rotating(pem, rotated)), token);
      String lean = viaVerifier(Steps.verifier(config(JWKS), new Rotating(pem, rotated)), token);
      assertTrue(full.startsWith("accepted"), full);
      assertEquals(full.replaceAll("key@\\d+", "key"), lean.replaceAll("key@\\d+", "key"));
    }
  }

  @Nested
  class SeededMutations {

    private static final String ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final List<String> FRAGMENTS =
        List.of(
            "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
            "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"crit\":[]}",
            "{\"alg\":\"RS256\"}",
            "{\"alg\":\"none\"}",
            "{\"alg\":\"RS256\",\"kid\":\"rsa-2\"}",
            claimsJson(""),
            claimsJson(",\"nbf\":" + (NOW.getEpochSecond() + 40)),
            claimsJson(",\"nbf\":" + (NOW.getEpochSecond() + 20)),
            claimsJson(",\"iat\":1e19"),
            claimsJson(",\"exp\":2"),
            claimsJson(",\"aud\":[]"),
            claimsJson(",\"iss\":null"),
            "{\"iss\":\"" + ISSUER + "\"}");

    private String mutate(String genuine, Random random) {
      StringBuilder token = new StringBuilder(genuine);
      int operations = 1 + random.nextInt(3);
      for (int i = 0; i < operations && token.length() > 1; i++) {
        int at = random.nextInt(token.length());
        switch (random.nextInt(7)) {
          case 0 -> token.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 1 -> token.deleteCharAt(at);
          case 2 -> token.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 3 -> token.setLength(at);
          case 4 -> token.insert(at, '.');
          case 5 -> {
            String[] p = token.toString().split("\\.", -1);
            if (p.length == 3) {
              String replaced = b64(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
              int which = random.nextInt(2);
              p[which] = replaced;
              String signed =
                  random.nextBoolean() && decodes(p[0]) && decodes(p[1])
                      ? signedRaw(
                          new String(Base64.getUrlDecoder().decode(p[0]), UTF_8),
                          new String(Base64.getUrlDecoder().decode(p[1]), UTF_8),
                          TestKeys.RSA.getRsaPrivateKey())
                      : String.join(".", p);
              token.replace(0, token.length(), signed);
            }
          }
          default -> {
            String[] p = token.toString().split("\\.", -1);
            if (p.length == 3) {
              token.replace(0, token.length(), p[random.nextInt(3)] + "." + p[1] + "." + p[2]);
            }
          }
        }
      }
      return token.toString();
    }

    private boolean decodes(String segment) {
      try {
        Base64.getUrlDecoder().decode(segment);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    @Test
    void whenGenuineTokensAreMutatedThenBothPathsAgreeOnEveryMutant() {
      List<String> genuine =
          List.of(
              TOKENS.validAt(NOW).build(),
              TOKENS.validAt(NOW).alg("PS256").build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.EC).build(),
              TOKENS.validAt(NOW).signedWith(TestKeys.ED25519).build(),
              TOKENS.validAt(NOW).typ("at+jwt").withoutHeader("kid").build());
      Random random = new Random(20261124L);
      int leanAccepted = 0;
      for (int round = 0; round < 600; round++) {
        for (String token : genuine) {
          String mutant = mutate(token, random);
          for (JwtAccessTokenVerifier verifier : List.of(JWKS_VERIFIER, PEM_VERIFIER)) {
            String full = viaFullPath(verifier, mutant);
            assertEquals(full, viaVerifier(verifier, mutant), () -> "mutant " + mutant);
            assertTrue(!full.startsWith("escaped"), () -> full + " for " + mutant);
            if (full.startsWith("accepted")) {
              leanAccepted++;
            }
          }
        }
      }
      assertTrue(leanAccepted > 0, "some mutants are re-signed and valid");
    }
  }
}
