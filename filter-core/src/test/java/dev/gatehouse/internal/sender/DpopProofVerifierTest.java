package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.sender.DpopVerdict.Accepted;
import dev.gatehouse.internal.sender.DpopVerdict.Refused;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.testing.MutableClock;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9449 section 4.3 as a resource server applies it: a proof from an independent client is
 * accepted, and each check broken alone is refused with its own reason.
 */
class DpopProofVerifierTest {

  static final String URI = "https://api.example.test/orders/7";
  static final String TOKEN = "token-" + UUID.randomUUID();

  private final DpopSettings settings = DpopSettings.defaults();
  private final DpopProofVerifier verifier =
      new DpopProofVerifier(settings, new InMemoryReplayStore(Clock.systemUTC(), 1_000), null);

  static DpopRequest request(String proof, String boundKey) {
    return new DpopRequest("GET", URI, List.of(proof), TOKEN, boundKey, Instant.now());
  }

  static Rejection refusal(DpopVerdict verdict) {
    return assertInstanceOf(Refused.class, verdict).reason();
  }

  private Rejection refusal(HandMadeProof proof) {
    return refusal(verifier.verify(request(proof.serialize(), proof.thumbprint())));
  }

  private static HandMadeProof handMade() {
    return HandMadeProof.valid("GET", URI, TOKEN, Instant.now());
  }

  @Nested
  class Acceptance {

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA", "PS256", "RS256"})
    void whenAnIndependentClientSignsWithADefaultAlgorithmThenTheProofIsAcceptedWithItsThumbprint(
        String alg) {
      DpopClient client = DpopClient.generate(JWSAlgorithm.parse(alg));

      DpopVerdict verdict =
          verifier.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint()));

      Accepted accepted = assertInstanceOf(Accepted.class, verdict);
      assertEquals(client.thumbprint(), accepted.thumbprint());
      assertFalse(accepted.freshNonceDue());
    }

    @Test
    void whenTheHandMadeProofIsLeftIntactThenItIsAccepted() {
      HandMadeProof proof = handMade();

      assertInstanceOf(
          Accepted.class, verifier.verify(request(proof.serialize(), proof.thumbprint())));
    }

    @Test
    void whenTheProofNamesTheSameUriInAnotherSpellingThenItIsAccepted() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", "HTTPS://API.Example.TEST:443/orders/./x/../%37", TOKEN);

      assertInstanceOf(Accepted.class, verifier.verify(request(proof, client.thumbprint())));
    }

    @Test
    void whenTheRequestHasAQueryThenOnlyItsPathIsCompared() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", URI, TOKEN);

      DpopVerdict verdict =
          verifier.verify(
              new DpopRequest(
                  "GET",
                  URI + "?page=2#top",
                  List.of(proof),
                  TOKEN,
                  client.thumbprint(),
                  Instant.now()));

      assertInstanceOf(Accepted.class, verdict);
    }
  }

  /** Section 4.3, check 1 and 2: one header, one well-formed JWS. */
  @Nested
  class Shape {

    @Test
    void whenThereIsNoProofThenItIsRefusedAsMissing() {
      DpopVerdict verdict =
          verifier.verify(new DpopRequest("GET", URI, List.of(), TOKEN, "jkt", Instant.now()));

      assertEquals(Rejection.DPOP_PROOF_MISSING, refusal(verdict));
    }

    @Test
    void whenThereAreTwoProofsThenBothAreRefused() {
      DpopClient client = DpopClient.es256();
      List<String> two = List.of(client.proof("GET", URI, TOKEN), client.proof("GET", URI, TOKEN));

      DpopVerdict verdict =
          verifier.verify(
              new DpopRequest("GET", URI, two, TOKEN, client.thumbprint(), Instant.now()));

      assertEquals(Rejection.DPOP_PROOF_MULTIPLE, refusal(verdict));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "not-a-jwt",
          "a.b.c",
          "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d",
          "eyJ0eXAiOiJkcG9wK2p3dCJ9..",
        })
    void whenTheProofIsNotACompactJwsThenItIsMalformed(String proof) {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(verifier.verify(request(proof, "jkt"))));
    }

    @Test
    void whenTheProofIsLargerThanAnyRealProofThenItIsMalformed() {
      HandMadeProof proof =
          handMade().claim("padding", "x".repeat(DpopProofVerifier.MAX_PROOF_CHARS));

      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(proof));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jti", "htm", "htu", "iat"})
    void whenARequiredClaimIsMissingThenItIsMalformed(String claim) {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().withoutClaim(claim)));
    }

    @Test
    void whenIatIsNotANumberThenItIsMalformed() {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().claim("iat", "yesterday")));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, -1, 253_402_300_800L})
    void whenIatIsNoDateAnInstantCanHoldThenItIsMalformed(long iat) {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().claim("iat", iat)));
    }

    @Test
    void whenHtuIsNotAStringThenItIsMalformed() {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().claim("htu", 7)));
    }

    @Test
    void whenThePayloadIsNotJsonThenItIsMalformed() {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().rawPayload("not json")));
    }

    @Test
    void whenThePayloadIsSwappedThenTheSignatureFailsBeforeThePayloadIsRead() {
      HandMadeProof proof = handMade();
      String[] parts = proof.serialize().split("\\.");
      String swapped = parts[0] + ".bm90IGpzb24." + parts[2];

      assertEquals(
          Rejection.DPOP_PROOF_INVALID_SIGNATURE,
          refusal(verifier.verify(request(swapped, proof.thumbprint()))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"typ", "alg", "jwk", "crit", "kid"})
    void whenAHeaderMemberHasAnotherJsonTypeThenTheProofIsRefusedNotThrown(String name) {
      for (Object odd : List.of(7, true, List.of("a"), Map.of("a", 1))) {
        DpopVerdict verdict =
            verifier.verify(
                request(handMade().header(name, odd).serialize(), handMade().thumbprint()));

        assertInstanceOf(Refused.class, verdict, name + "=" + odd);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jti", "htm", "htu", "iat", "ath", "nonce"})
    void whenAClaimHasAnotherJsonTypeThenTheProofIsRefusedNotThrown(String name) {
      for (Object odd : List.of(true, List.of("a"), Map.of("a", 1))) {
        HandMadeProof proof = handMade().claim(name, odd);
        DpopVerdict verdict =
            name.equals("nonce")
                ? new DpopProofVerifier(
                        settings.withNonceRequired(true),
                        new InMemoryReplayStore(Clock.systemUTC(), 10),
                        new DpopNonces(
                            new RotatingNonceSecrets(Clock.systemUTC(), Duration.ofHours(1)),
                            Duration.ofMinutes(2)))
                    .verify(request(proof.serialize(), proof.thumbprint()))
                : verifier.verify(request(proof.serialize(), proof.thumbprint()));

        assertInstanceOf(Refused.class, verdict, name + "=" + odd);
      }
    }

    @Test
    void whenTheProofHasACriticalHeaderThenItIsMalformed() {
      assertEquals(
          Rejection.DPOP_PROOF_MALFORMED,
          refusal(handMade().header("crit", List.of("exp")).header("exp", 1)));
    }
  }

  /** Section 4.3, check 4. */
  @Nested
  class Type {

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "at+jwt", "dpop", "application/jwt"})
    void whenTypIsNotDpopJwtThenItIsRefused(String typ) {
      assertEquals(Rejection.DPOP_PROOF_WRONG_TYPE, refusal(handMade().header("typ", typ)));
    }

    @Test
    void whenTypIsMissingThenItIsRefused() {
      assertEquals(Rejection.DPOP_PROOF_WRONG_TYPE, refusal(handMade().withoutHeader("typ")));
    }

    @Test
    void whenTypDiffersOnlyInCaseThenItIsAccepted() {
      HandMadeProof proof = handMade().header("typ", "DPoP+JWT");

      assertInstanceOf(
          Accepted.class, verifier.verify(request(proof.serialize(), proof.thumbprint())));
    }
  }

  /** Section 4.3, check 5: an asymmetric algorithm the application allows. */
  @Nested
  class Algorithm {

    @Test
    void whenTheAlgorithmIsNotInTheAllowListThenItIsRefused() {
      DpopClient client = DpopClient.generate(JWSAlgorithm.ES384);

      DpopVerdict verdict =
          verifier.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint()));

      assertEquals(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, refusal(verdict));
    }

    @Test
    void whenTheApplicationAllowsOnlyEs256ThenAnRs256ProofIsRefused() {
      DpopProofVerifier onlyEs256 =
          new DpopProofVerifier(
              settings.withAlgorithms(Set.of("ES256")),
              new InMemoryReplayStore(Clock.systemUTC(), 10),
              null);
      DpopClient client = DpopClient.generate(JWSAlgorithm.RS256);

      DpopVerdict verdict =
          onlyEs256.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint()));

      assertEquals(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, refusal(verdict));
    }

    @Test
    void whenTheProofIsAnHmacThenItIsRefused() {
      HandMadeProof proof = handMade().hmac(new byte[32]);

      assertEquals(Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, refusal(proof));
    }

    @Test
    void whenTheProofIsUnsignedThenItIsRefused() {
      assertEquals(
          Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, refusal(handMade().header("alg", "none")));
    }

    @Test
    void whenTheAlgorithmHeaderIsMissingThenItIsRefused() {
      assertEquals(
          Rejection.DPOP_PROOF_UNSUPPORTED_ALGORITHM, refusal(handMade().withoutHeader("alg")));
    }

    @Test
    void whenTheApplicationAsksForASymmetricAlgorithmThenTheSettingsRefuseIt() {
      assertThrows(IllegalArgumentException.class, () -> settings.withAlgorithms(Set.of("HS256")));
      assertThrows(IllegalArgumentException.class, () -> settings.withAlgorithms(Set.of()));
      assertThrows(IllegalArgumentException.class, () -> settings.withAlgorithms(Set.of("none")));
    }
  }

  /** Section 4.3, checks 6 and 7: the signature by the header's own public key. */
  @Nested
  class KeyAndSignature {

    @Test
    void whenTheJwkCarriesThePrivateKeyThenItIsRefused() {
      HandMadeProof proof = handMade();
      HandMadeProof leaking = proof.header("jwk", proof.privateJwk());

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(leaking));
    }

    @Test
    void whenTheJwkIsMissingThenItIsRefused() {
      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(handMade().withoutHeader("jwk")));
    }

    @Test
    void whenTheJwkIsNotAnObjectThenItIsRefused() {
      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(handMade().header("jwk", "key")));
    }

    @Test
    void whenTheJwkIsSymmetricThenItIsRefused() {
      HandMadeProof proof = handMade().header("jwk", Map.of("kty", "oct", "k", "c2VjcmV0"));

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(proof));
    }

    @Test
    void whenTheJwkIsOfAnotherFamilyThanTheAlgorithmThenItIsRefused() {
      DpopClient rsa = DpopClient.generate(JWSAlgorithm.RS256);
      HandMadeProof proof = handMade().header("jwk", rsa.key().toPublicJWK().toJSONObject());

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(proof));
    }

    @Test
    void whenTheJwkIsBrokenThenItIsRefused() {
      HandMadeProof proof =
          handMade().header("jwk", Map.of("kty", "EC", "crv", "P-256", "x", "AAAA", "y", "!!"));

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(proof));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kty", "crv", "x", "y"})
    void whenAJwkMemberIsOfAnotherJsonTypeThenTheKeyIsUnusable(String member) {
      HandMadeProof proof = handMade();
      Map<String, Object> jwk = new java.util.HashMap<>(proof.publicJwk());
      jwk.put(member, 7);

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(proof.header("jwk", jwk)));
    }

    @Test
    void whenTheJwkIsAnRsaKeyShorterThan2048BitsThenItIsRefused() throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(1024);
      RSAKey weak =
          new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic()).build();
      HandMadeProof proof = handMade().header("alg", "RS256").header("jwk", weak.toJSONObject());

      assertEquals(Rejection.DPOP_PROOF_UNUSABLE_KEY, refusal(proof));
    }

    @Test
    void whenTheSignatureIsTamperedWithThenItIsRefused() {
      assertEquals(Rejection.DPOP_PROOF_INVALID_SIGNATURE, refusal(handMade().tampered()));
    }

    @Test
    void whenAnotherKeySignedTheProofThenItIsRefused() {
      assertEquals(
          Rejection.DPOP_PROOF_INVALID_SIGNATURE, refusal(handMade().signedByAnotherKey()));
    }
  }

  /** Section 4.3, checks 8, 9, 11 and 12. */
  @Nested
  class Claims {

    @ParameterizedTest
    @ValueSource(strings = {"POST", "get", "HEAD"})
    void whenHtmIsNotTheRequestMethodThenItIsRefused(String htm) {
      assertEquals(Rejection.DPOP_PROOF_WRONG_METHOD, refusal(handMade().claim("htm", htm)));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://api.example.test/orders/8",
          "https://api.example.test/orders/7/",
          "http://api.example.test/orders/7",
          "https://api.example.test:8443/orders/7",
          "https://other.example.test/orders/7",
          "https://api.example.test/orders%2F7",
          "/orders/7",
          "not a uri",
        })
    void whenHtuIsAnotherUriThenItIsRefused(String htu) {
      assertEquals(Rejection.DPOP_PROOF_WRONG_URI, refusal(handMade().claim("htu", htu)));
    }

    @Test
    void whenIatIsOlderThanTheWindowAndTheSkewThenItIsRefused() {
      Instant tooOld = Instant.now().minus(settings.maxAge()).minusSeconds(30 + 2);

      assertEquals(
          Rejection.DPOP_PROOF_STALE, refusal(handMade().claim("iat", tooOld.getEpochSecond())));
    }

    @Test
    void whenIatIsAtTheOldEndOfTheWindowWithTheSkewThenItIsAccepted() {
      Instant oldest = Instant.now().minus(settings.maxAge()).minusSeconds(30 - 2);
      HandMadeProof proof = handMade().claim("iat", oldest.getEpochSecond());

      assertInstanceOf(
          Accepted.class, verifier.verify(request(proof.serialize(), proof.thumbprint())));
    }

    @Test
    void whenIatIsFurtherAheadThanTheSkewThenItIsRefused() {
      Instant ahead = Instant.now().plusSeconds(30 + 2);

      assertEquals(
          Rejection.DPOP_PROOF_STALE, refusal(handMade().claim("iat", ahead.getEpochSecond())));
    }

    @Test
    void whenIatIsAheadWithinTheSkewThenItIsAccepted() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", URI, TOKEN, Instant.now().plusSeconds(30 - 2), null);

      assertInstanceOf(Accepted.class, verifier.verify(request(proof, client.thumbprint())));
    }

    @Test
    void whenAthIsMissingThenItIsRefused() {
      assertEquals(Rejection.DPOP_PROOF_WRONG_TOKEN_HASH, refusal(handMade().withoutClaim("ath")));
    }

    @Test
    void whenAthIsTheHashOfAnotherTokenThenItIsRefused() {
      HandMadeProof proof = handMade().claim("ath", HandMadeProof.ath("another-token"));

      assertEquals(Rejection.DPOP_PROOF_WRONG_TOKEN_HASH, refusal(proof));
    }

    @Test
    void whenJtiIsEmptyThenItIsMalformed() {
      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(handMade().claim("jti", "")));
    }

    @Test
    void whenJtiIsLongerThanTheBoundThenItIsMalformed() {
      HandMadeProof proof = handMade().claim("jti", "j".repeat(ProofClaims.MAX_JTI_CHARS + 1));

      assertEquals(Rejection.DPOP_PROOF_MALFORMED, refusal(proof));
    }

    @Test
    void whenJtiIsExactlyAsLongAsTheBoundThenItIsAccepted() {
      HandMadeProof proof = handMade().claim("jti", "j".repeat(ProofClaims.MAX_JTI_CHARS));

      assertInstanceOf(
          Accepted.class, verifier.verify(request(proof.serialize(), proof.thumbprint())));
    }
  }

  /** Section 4.3, check 12, last part; section 6.1: the key is the one the token is bound to. */
  @Nested
  class KeyBinding {

    @Test
    void whenTheTokenIsBoundToAnotherKeyThenItIsRefused() {
      DpopClient holder = DpopClient.es256();
      DpopClient thief = DpopClient.es256();

      DpopVerdict verdict =
          verifier.verify(request(thief.proof("GET", URI, TOKEN), holder.thumbprint()));

      assertEquals(Rejection.DPOP_KEY_MISMATCH, refusal(verdict));
    }
  }

  /** Section 11.1: a proof is used once. */
  @Nested
  class Replay {

    @Test
    void whenTheSameProofComesTwiceThenTheSecondIsRefused() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", URI, TOKEN);

      assertInstanceOf(Accepted.class, verifier.verify(request(proof, client.thumbprint())));
      assertEquals(
          Rejection.DPOP_PROOF_REPLAYED,
          refusal(verifier.verify(request(proof, client.thumbprint()))));
    }

    @Test
    void whenTheProofIsReplayedOnAnotherUriThenItIsRefused() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", URI, TOKEN);
      verifier.verify(request(proof, client.thumbprint()));

      DpopVerdict elsewhere =
          verifier.verify(
              new DpopRequest(
                  "GET",
                  "https://api.example.test/orders/8",
                  List.of(proof),
                  TOKEN,
                  client.thumbprint(),
                  Instant.now()));

      assertEquals(Rejection.DPOP_PROOF_WRONG_URI, refusal(elsewhere));
    }

    @Test
    void whenTwoProofsShareAJtiForDifferentUrisThenEachIsAcceptedOnce() {
      Instant now = Instant.now();
      HandMadeProof first = HandMadeProof.valid("GET", URI, TOKEN, now).claim("jti", "same");
      String other = "https://api.example.test/orders/8";
      HandMadeProof second = HandMadeProof.valid("GET", other, TOKEN, now).claim("jti", "same");

      assertInstanceOf(
          Accepted.class, verifier.verify(request(first.serialize(), first.thumbprint())));
      assertInstanceOf(
          Accepted.class,
          verifier.verify(
              new DpopRequest(
                  "GET", other, List.of(second.serialize()), TOKEN, second.thumbprint(), now)));
    }

    @Test
    void whenAProofIsRefusedThenItsJtiIsNotSpent() {
      DpopClient client = DpopClient.es256();
      String proof = client.proof("GET", URI, TOKEN);

      assertEquals(
          Rejection.DPOP_KEY_MISMATCH,
          refusal(verifier.verify(request(proof, DpopClient.es256().thumbprint()))));
      assertInstanceOf(Accepted.class, verifier.verify(request(proof, client.thumbprint())));
    }

    @Test
    void whenTheReplayStoreIsFullThenNewProofsAreRefusedUntilEntriesExpire() {
      MutableClock clock = new MutableClock(Instant.now());
      DpopProofVerifier small =
          new DpopProofVerifier(settings, new InMemoryReplayStore(clock, 1), null);
      DpopClient client = DpopClient.es256();
      assertInstanceOf(
          Accepted.class,
          small.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint())));

      DpopVerdict full =
          small.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint()));

      assertEquals(Rejection.DPOP_REPLAY_CHECK_FULL, refusal(full));
      clock.advance(settings.maxAge().plusSeconds(35));
      assertInstanceOf(
          Accepted.class,
          small.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint())));
    }
  }

  /** Section 9: server-provided nonces, once required. */
  @Nested
  class Nonces {

    private final Duration slot = Duration.ofMinutes(2);
    private final RotatingNonceSecrets secrets =
        new RotatingNonceSecrets(Clock.systemUTC(), Duration.ofDays(1));
    private final DpopNonces nonces = new DpopNonces(secrets, slot);
    private final DpopProofVerifier requiring =
        new DpopProofVerifier(
            settings.withNonceRequired(true),
            new InMemoryReplayStore(Clock.systemUTC(), 100),
            nonces);
    private final DpopClient client = DpopClient.es256();

    private DpopVerdict withNonce(String nonce) {
      return requiring.verify(request(client.proof("GET", URI, TOKEN, nonce), client.thumbprint()));
    }

    @Test
    void whenANonceIsRequiredAndTheProofHasNoneThenTheClientIsToldToUseOne() {
      DpopVerdict verdict =
          requiring.verify(request(client.proof("GET", URI, TOKEN), client.thumbprint()));

      Rejection reason = refusal(verdict);
      assertEquals(Rejection.DPOP_NONCE_MISSING, reason);
      assertEquals("use_dpop_nonce", reason.error().orElseThrow().code());
    }

    @Test
    void whenTheProofCarriesACurrentNonceThenItIsAcceptedWithNoRefreshDue() {
      Accepted accepted = assertInstanceOf(Accepted.class, withNonce(nonces.issue(Instant.now())));

      assertFalse(accepted.freshNonceDue());
    }

    @Test
    void whenTheNonceIsFromThePreviousSlotThenItIsAcceptedAndAFreshOneIsDue() {
      String previous = nonces.issue(Instant.now().minus(slot));

      Accepted accepted = assertInstanceOf(Accepted.class, withNonce(previous));

      assertTrue(accepted.freshNonceDue());
    }

    @Test
    void whenTheNonceIsStaleThenItIsRefused() {
      String stale = nonces.issue(Instant.now().minus(slot.multipliedBy(2)));

      assertEquals(Rejection.DPOP_NONCE_INVALID, refusal(withNonce(stale)));
    }

    @Test
    void whenTheNonceIsForgedThenItIsRefused() {
      DpopNonces otherServer =
          new DpopNonces(new RotatingNonceSecrets(Clock.systemUTC(), Duration.ofDays(1)), slot);

      assertEquals(
          Rejection.DPOP_NONCE_INVALID, refusal(withNonce(otherServer.issue(Instant.now()))));
      assertEquals(Rejection.DPOP_NONCE_INVALID, refusal(withNonce("made-up")));
    }

    @Test
    void whenNoncesAreNotRequiredThenAProofsNonceIsIgnored() {
      DpopVerdict verdict =
          verifier.verify(request(client.proof("GET", URI, TOKEN, "made-up"), client.thumbprint()));

      assertInstanceOf(Accepted.class, verdict);
    }

    @Test
    void whenNoncesAreRequiredWithoutASourceOfNoncesThenTheVerifierCannotBeBuilt() {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new DpopProofVerifier(
                  settings.withNonceRequired(true),
                  new InMemoryReplayStore(Clock.systemUTC(), 1),
                  null));
    }
  }

  @Nested
  class Settings {

    @Test
    void theDefaultsAreEs256FirstAMinuteAndNoNonce() {
      DpopSettings defaults = DpopSettings.defaults();

      assertEquals(List.of("ES256", "EdDSA", "PS256", "RS256"), List.copyOf(defaults.algorithms()));
      assertEquals(Duration.ofSeconds(60), defaults.maxAge());
      assertEquals(ClockSkew.of(Duration.ofSeconds(30)), defaults.skew());
      assertFalse(defaults.nonceRequired());
    }

    @Test
    void whenTheMaxAgeIsNotPositiveThenTheSettingsRefuseIt() {
      assertThrows(IllegalArgumentException.class, () -> settings.withMaxAge(Duration.ZERO));
      assertThrows(
          IllegalArgumentException.class, () -> settings.withMaxAge(Duration.ofSeconds(-1)));
    }

    @Test
    void whenTheSkewIsWiderThenAnOlderProofIsAccepted() {
      DpopProofVerifier lenient =
          new DpopProofVerifier(
              settings.withSkew(ClockSkew.of(Duration.ofMinutes(5))),
              new InMemoryReplayStore(Clock.systemUTC(), 10),
              null);
      HandMadeProof proof =
          handMade().claim("iat", Instant.now().minusSeconds(60 + 200).getEpochSecond());

      assertInstanceOf(
          Accepted.class, lenient.verify(request(proof.serialize(), proof.thumbprint())));
    }

    @Test
    void aRequestNeverPrintsItsTokenOrProof() {
      DpopRequest request = request("proof-value", "jkt");

      assertFalse(request.toString().contains(TOKEN));
      assertFalse(request.toString().contains("proof-value"));
    }
  }
}
