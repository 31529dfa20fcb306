package dev.gatehouse.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.fuzz.InProcessExchange.Outcome;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the whole filter (extraction, jose4j, key selection, claims, the challenge writer) with
 * mutations of genuinely signed tokens, in process. The oracle: nothing escapes {@code doFilter},
 * the status is 200, 400 or 401 (the keys are static, so never 503, and never 500), every refusal
 * carries a challenge, and <em>only a token left exactly as it was signed reaches the
 * application</em>.
 *
 * <p>An input is a small program. Byte 0 picks one of the genuine tokens; then each operation is an
 * opcode byte and its arguments: set, insert or delete characters, flip a bit of a base64url
 * character, repeat a range, swap segments, truncate, or replace the header or payload with the
 * rest of the input as JSON (so that the fuzzer can reach every header and claim check with a
 * genuine signature attached). Seeds: {@code
 * src/test/resources/dev/gatehouse/fuzz/VerificationFuzzTestInputs/}.
 */
class VerificationFuzzTest {

  static final String ISSUER = "https://issuer.fuzz.test/";
  static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

  private static final GatehouseFilter FILTER =
      new GatehouseFilter(
          GatehouseConfig.forIssuer(ISSUER)
              .audiences(TestTokens.AUDIENCE)
              .algorithms("RS256", "ES256", "EdDSA")
              .publicKey(
                  new JsonWebKeySet(TestKeys.RSA, TestKeys.EC, TestKeys.ED25519)
                      .toJson(OutputControlLevel.PUBLIC_ONLY))
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .tokens(t -> t.maxLength(4096))
              .build());

  /** The genuine tokens the programs start from, all valid at {@link #NOW}. */
  static final List<String> GENUINE = genuineTokens();

  private static List<String> genuineTokens() {
    TestTokens tokens = new TestTokens(ISSUER);
    return List.of(
        tokens.validAt(NOW).build(),
        tokens.validAt(NOW).signedWith(TestKeys.EC).build(),
        tokens.validAt(NOW).signedWith(TestKeys.ED25519).build(),
        tokens
            .validAt(NOW)
            .typ("at+jwt")
            .audience(TestTokens.list("urn:other", TestTokens.AUDIENCE))
            .claim("scp", TestTokens.list("read", "write"))
            .claim("permissions", TestTokens.list("read:orders"))
            .claim("client_id", "fuzz-client")
            .notBefore(NOW.minusSeconds(10))
            .build(),
        tokens.validAt(NOW).withoutHeader("kid").withoutHeader("typ").build());
  }

  @FuzzTest(maxDuration = "5m")
  void verification(byte[] program) throws Exception {
    int base = program.length == 0 ? 0 : (program[0] & 0xff) % GENUINE.size();
    String genuine = GENUINE.get(base);
    String token = TokenProgram.apply(genuine, program);

    Outcome outcome = InProcessExchange.run(FILTER, List.of("Bearer " + token), null, null);

    if (outcome.passed()) {
      // Whitespace around the token belongs to the header syntax ("Bearer" 1*SP b64token), and
      // the extractor trims it; the credential itself must be exactly the signed one.
      assertEquals(genuine, token.strip(), "a token that was not signed as it is was let through");
      assertEquals(200, outcome.status());
      return;
    }
    int status = outcome.status();
    assertTrue(status == 400 || status == 401, () -> "status " + status + " " + outcome);
    assertNotNull(outcome.challenge(), "a refusal without a challenge");
    assertTrue(outcome.challenge().startsWith("Bearer realm=\"api\""), outcome::challenge);
    if (token.length() >= 16) {
      assertFalse(outcome.body().contains(token), "the body repeats the token");
    }
  }

  /** Each genuine token, unchanged, is let through: the oracle above is not vacuous. */
  @Test
  void genuineTokensPass() throws Exception {
    for (String token : GENUINE) {
      Outcome outcome = InProcessExchange.run(FILTER, List.of("Bearer " + token), null, null);
      assertTrue(outcome.passed(), () -> "refused " + outcome);
    }
  }

  /** The same oracle on a fixed budget of pseudo-random programs, in every ordinary test run. */
  @Test
  void verificationOnSeededRandomMutations() throws Exception {
    Random random = new Random(0x9a7e5L);
    List<byte[]> seeds = Seeds.load(VerificationFuzzTest.class);
    for (int i = 0; i < 5_000; i++) {
      verification(Mutations.mutate(seeds.get(random.nextInt(seeds.size())), random));
    }
  }

  /** Interprets a program on a token; see the class comment. Never fails, whatever the bytes. */
  static final class TokenProgram {

    private static final String ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenProgram() {}

    static String apply(String genuine, byte[] program) {
      StringBuilder t = new StringBuilder(genuine);
      int i = 1;
      while (i < program.length) {
        int op = (program[i++] & 0xff) % 10;
        int pos = i + 1 < program.length ? ((program[i] & 0xff) << 8) | (program[i + 1] & 0xff) : 0;
        int arg = i + 2 < program.length ? program[i + 2] & 0xff : 0;
        int at = t.length() == 0 ? 0 : pos % (t.length() + 1);
        switch (op) {
          case 0 -> {
            if (at < t.length()) {
              t.setCharAt(at, (char) arg);
            }
            i += 3;
          }
          case 1 -> {
            t.insert(at, (char) arg);
            i += 3;
          }
          case 2 -> {
            t.delete(at, Math.min(t.length(), at + 1 + arg % 16));
            i += 3;
          }
          case 3 -> {
            if (at < t.length() && ALPHABET.indexOf(t.charAt(at)) >= 0) {
              t.setCharAt(at, ALPHABET.charAt(ALPHABET.indexOf(t.charAt(at)) ^ (1 << (arg % 6))));
            }
            i += 3;
          }
          case 4 -> {
            String chunk = t.substring(at, Math.min(t.length(), at + 1 + arg));
            t.insert(at, chunk);
            i += 3;
          }
          case 5 -> {
            String[] parts = t.toString().split("\\.", -1);
            int a = (pos >> 8) % parts.length;
            int b = (pos & 0xff) % parts.length;
            String swap = parts[a];
            parts[a] = parts[b];
            parts[b] = swap;
            t = new StringBuilder(String.join(".", parts));
            i += 2;
          }
          case 6, 7 -> {
            String json = new String(program, i, program.length - i, UTF_8);
            t = new StringBuilder(replaceSegment(t.toString(), op == 6 ? 0 : 1, json));
            i = program.length;
          }
          case 8 -> {
            String members = new String(program, i, program.length - i, UTF_8);
            t = new StringBuilder(patchHeader(t.toString(), members));
            i = program.length;
          }
          default -> {
            t.setLength(Math.min(t.length(), at));
            i += 2;
          }
        }
      }
      return t.toString();
    }

    private static String replaceSegment(String token, int index, String json) {
      String[] parts = token.split("\\.", -1);
      if (parts.length <= index) {
        return token;
      }
      parts[index] = B64URL.encodeToString(json.getBytes(UTF_8));
      return String.join(".", parts);
    }

    /** Inserts {@code members} right after the opening brace of the decoded header. */
    private static String patchHeader(String token, String members) {
      String[] parts = token.split("\\.", -1);
      try {
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), UTF_8);
        int brace = header.indexOf('{');
        String patched = header.substring(0, brace + 1) + members + header.substring(brace + 1);
        parts[0] = B64URL.encodeToString(patched.getBytes(UTF_8));
        return String.join(".", parts);
      } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
        return token; // an earlier operation broke the header; leave the token as it is
      }
    }
  }
}
