package dev.gatehouse.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.lean.Verdict;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** What the lean path keeps between tokens (key choices, per-thread signatures) and why. */
class LeanPathBehaviourTest {

  private static final String ISSUER = LeanPathDifferentialTest.ISSUER;

  /** A key set the test replaces, as a JWKS refresh would. */
  private static final class SwappableKeys implements KeySource {
    volatile List<JsonWebKey> keys;

    SwappableKeys(List<JsonWebKey> keys) {
      this.keys = keys;
    }

    @Override
    public List<JsonWebKey> keys() {
      return keys;
    }

    @Override
    public boolean refreshUnknownKey(List<JsonWebKey> seen) {
      return false;
    }
  }

  private static JsonWebKey publicWithKid(PublicJsonWebKey key, String kid) throws JoseException {
    PublicJsonWebKey copy = PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey());
    copy.setKeyId(kid);
    return copy;
  }

  @Test
  void whenTheKeySetChangesThenTheKeyChosenForAKnownHeaderChangesWithIt() throws JoseException {
    SwappableKeys keys = new SwappableKeys(List.of(publicWithKid(TestKeys.RSA, "k")));
    JwtAccessTokenVerifier verifier =
        Steps.verifier(LeanPathDifferentialTest.config(LeanPathDifferentialTest.JWKS), keys);
    String byFirst =
        LeanPathDifferentialTest.TOKENS.validAt(LeanPathDifferentialTest.NOW).kid("k").build();
    String bySecond =
        LeanPathDifferentialTest.TOKENS
            .validAt(LeanPathDifferentialTest.NOW)
            .signedWith(TestKeys.RSA_NEXT)
            .kid("k")
            .build();

    assertInstanceOf(Verdict.Accepted.class, verifier.viaLeanPath(byFirst));
    assertEquals(
        "refused INVALID_SIGNATURE", LeanPathDifferentialTest.viaVerifier(verifier, bySecond));

    keys.keys = List.of(publicWithKid(TestKeys.RSA_NEXT, "k")); // same kid, new key
    assertEquals(
        "refused INVALID_SIGNATURE", LeanPathDifferentialTest.viaVerifier(verifier, byFirst));
    assertInstanceOf(Verdict.Accepted.class, verifier.viaLeanPath(bySecond));
    LeanPathDifferentialTest.assertSameOutcome(verifier, byFirst);
    LeanPathDifferentialTest.assertSameOutcome(verifier, bySecond);
  }

  @Test
  void whenThreadsVerifyAtOnceThenEachGetsTheOutcomeItWouldAlone() throws Exception {
    JwtAccessTokenVerifier verifier = LeanPathDifferentialTest.JWKS_VERIFIER;
    List<String> tokens = new ArrayList<>();
    var t = LeanPathDifferentialTest.TOKENS;
    var now = LeanPathDifferentialTest.NOW;
    tokens.add(t.validAt(now).build());
    tokens.add(t.validAt(now).alg("PS256").build());
    tokens.add(t.validAt(now).signedWith(TestKeys.EC).build());
    tokens.add(t.validAt(now).signedWith(TestKeys.ED25519).build());
    tokens.add(t.validAt(now).claim("iss", 3).build());
    tokens.add(t.validAt(now).rawPayload("{\"a\":1,\"a\":2}").build());
    tokens.add(t.validAt(now).claim("n", 1.5).claim("deep", List.of(List.of(List.of()))).build());
    String genuine = tokens.get(0);
    tokens.add(genuine.substring(0, genuine.lastIndexOf('.') + 1) + "A".repeat(342));
    List<String> expected = new ArrayList<>();
    for (String token : tokens) {
      expected.add(LeanPathDifferentialTest.viaFullPath(verifier, token));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    int k = (round + offset) % tokens.size();
                    assertEquals(
                        expected.get(k),
                        LeanPathDifferentialTest.viaVerifier(verifier, tokens.get(k)));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
