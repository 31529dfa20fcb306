package dev.gatehouse.internal.sender;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.lean.Verdict;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean reading of a proof ({@link LeanProof}) against jose4j's ({@link JoseProof}): on every
 * proof the lean reading is either undecided or gives exactly the judge's answer, the same
 * thumbprint and claims or the same refusal. Proofs are written here byte by byte, so that the
 * header and claims text is whatever a case needs, and signed with keys made by the JDK; their
 * {@code jwk} members are written by Nimbus, not by either reader.
 */
class LeanProofDifferentialTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final List<String> ALGORITHMS =
      List.of(
          "ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

  private static final LeanProof LEAN = new LeanProof(DpopSettings.SUPPORTED_ALGORITHMS);
  private static final JoseProof JUDGE = new JoseProof(DpopSettings.SUPPORTED_ALGORITHMS);
  private static final LeanProof LEAN_DEFAULTS = new LeanProof(DpopSettings.DEFAULT_ALGORITHMS);
  private static final JoseProof JUDGE_DEFAULTS = new JoseProof(DpopSettings.DEFAULT_ALGORITHMS);

  /** One signer per algorithm, each with its own fresh key. */
  record Signer(String alg, KeyPair pair, String jwk) {

    static Signer of(String alg) {
      try {
        KeyPair pair = generate(alg);
        return new Signer(alg, pair, jwkOf(alg, pair));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    String proof(String header, String payload) {
      String input = b64(header) + "." + b64(payload);
      return input + "." + B64.encodeToString(sign(input));
    }

    String header() {
      return "{\"typ\":\"dpop+jwt\",\"alg\":\"" + alg + "\",\"jwk\":" + jwk + "}";
    }

    String proof() {
      return proof(header(), claims(""));
    }

    byte[] sign(String input) {
      try {
        Signature signature = engine(alg);
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(UTF_8));
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final List<Signer> SIGNERS = ALGORITHMS.stream().map(Signer::of).toList();

  static Signer signer(String alg) {
    return SIGNERS.get(ALGORITHMS.indexOf(alg));
  }

  static String claims(String extra) {
    return "{\"jti\":\""
        + UUID.randomUUID()
        + "\",\"htm\":\"GET\",\"htu\":\"https://api.example.test/orders/7\",\"iat\":"
        + Instant.now().getEpochSecond()
        + ",\"ath\":\"fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo\""
        + extra
        + "}";
  }

  static String b64(String text) {
    return B64.encodeToString(text.getBytes(UTF_8));
  }

  /** Both readers on one proof: the lean one is undecided or says what the judge says. */
  static Verdict<ReadProof> assertSameOutcome(LeanProof lean, JoseProof judge, String proof) {
    Verdict<ReadProof> full = judge.read(proof);
    Verdict<ReadProof> quick = lean.read(proof);
    if (!(quick instanceof Verdict.Undecided)) {
      assertEquals(full, quick, () -> "proof " + proof);
    }
    return quick;
  }

  static Verdict<ReadProof> assertSameOutcome(String proof) {
    return assertSameOutcome(LEAN, JUDGE, proof);
  }

  @Nested
  class CommonProofsTakeTheLeanPath {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"
        })
    void whenAProofIsGenuineThenTheLeanReadingAcceptsItAsTheJudgeDoes(String alg) {
      for (int i = 0; i < 8; i++) {
        Signer signer = Signer.of(alg);
        Verdict<ReadProof> lean = assertSameOutcome(signer.proof());
        assertInstanceOf(Verdict.Accepted.class, lean, alg);
      }
    }

    @Test
    void whenTheProofComesFromAnIndependentClientThenTheLeanReadingAcceptsIt() {
      for (String alg : List.of("ES256", "ES384", "EdDSA", "PS256", "RS256")) {
        DpopClient client = DpopClient.generate(com.nimbusds.jose.JWSAlgorithm.parse(alg));
        String proof = client.proof("GET", "https://api.example.test/x", "token");
        Verdict<ReadProof> lean = assertSameOutcome(proof);
        Object read = assertInstanceOf(Verdict.Accepted.class, lean).value();
        assertEquals(client.thumbprint(), assertInstanceOf(ReadProof.class, read).thumbprint());
      }
    }
  }

  @Nested
  class Catalogue {

    private final Signer es256 = signer("ES256");

    private String header(String typ, String alg, String jwk, String extra) {
      return "{\"typ\":" + typ + ",\"alg\":" + alg + ",\"jwk\":" + jwk + extra + "}";
    }

    private List<String> proofs() {
      List<String> proofs = new ArrayList<>();
      String jwk = es256.jwk();
      String alg = "\"ES256\"";
      String typ = "\"dpop+jwt\"";
      // typ: each wrong spelling alone
      for (String t : List.of("\"jwt\"", "\"DPoP+JWT\"", "\"dpop+jwt \"", "1", "null", "[]")) {
        proofs.add(es256.proof(header(t, alg, jwk, ""), claims("")));
      }
      proofs.add(es256.proof("{\"alg\":\"ES256\",\"jwk\":" + jwk + "}", claims("")));
      // alg: not allowed, symmetric, none, another type
      for (String a : List.of("\"HS256\"", "\"none\"", "\"ES256K\"", "\"es256\"", "256", "null")) {
        proofs.add(es256.proof(header(typ, a, jwk, ""), claims("")));
      }
      // jwk: a private key, another family, another curve, extra or missing members, odd values
      String x = member(jwk, "x");
      String y = member(jwk, "y");
      for (String k :
          List.of(
              jwk.replace("}", ",\"d\":\"AAAA\"}"),
              jwk.replace("}", ",\"kid\":\"k1\"}"),
              jwk.replace("}", ",\"use\":\"sig\"}"),
              jwk.replace("\"P-256\"", "\"P-384\""),
              jwk.replace("\"EC\"", "\"RSA\""),
              jwk.replace(",\"y\":\"" + y + "\"", ""),
              jwk.replace(x, x + "A"),
              jwk.replace(x, "AA" + x.substring(2)),
              jwk.replace(x, x.substring(0, x.length() - 1) + flip(x.charAt(x.length() - 1))),
              jwk.replace(x, y),
              "\"" + jwk.replace("\"", "\\\"") + "\"",
              "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}",
              "null")) {
        proofs.add(es256.proof(header(typ, alg, k, ""), claims("")));
      }
      // keys that do not fit the algorithm, and a short RSA key
      proofs.add(signer("ES384").proof(header(typ, alg, signer("ES384").jwk(), ""), claims("")));
      proofs.add(es256.proof(header(typ, "\"ES384\"", jwk, ""), claims("")));
      proofs.add(
          signer("RS256").proof(header(typ, "\"PS256\"", signer("RS256").jwk(), ""), claims("")));
      proofs.add(
          signer("EdDSA").proof(header(typ, "\"ES256\"", signer("EdDSA").jwk(), ""), claims("")));
      proofs.add(shortRsa());
      // header: duplicates, crit, spaces, other members
      proofs.add(es256.proof(header(typ, alg, jwk, ",\"typ\":\"dpop+jwt\""), claims("")));
      proofs.add(es256.proof(header(typ, alg, jwk, ",\"crit\":[\"exp\"]"), claims("")));
      proofs.add(es256.proof(header(typ, alg, jwk, ",\"kid\":\"k\""), claims("")));
      proofs.add(es256.proof(" " + es256.header() + "\n", claims("")));
      proofs.add(es256.proof(es256.header().replace("dpop", "d\\u0070op"), claims("")));
      proofs.add(es256.proof(es256.header().replace("\"typ\"", "\"t\u00ffp\""), claims("")));
      // claims: each one missing, mistyped, out of range, repeated, or oddly written
      for (String extra :
          List.of(
              "",
              ",\"nonce\":\"n-1\"",
              ",\"nonce\":7",
              ",\"jti\":\"again\"",
              ",\"iat\":\"1\"",
              ",\"iat\":1.5",
              ",\"iat\":1e3",
              ",\"iat\":-1",
              ",\"iat\":253402300800",
              ",\"iat\":99999999999999999999",
              ",\"ath\":null",
              ",\"ath\":1",
              ",\"htu\":[\"https://a\"]",
              ",\"x\":\"caf\u00e9\"",
              ",\"x\":\"caf\\u00e9\"",
              ",\"x\":{\"y\":[1,true,null]}")) {
        proofs.add(es256.proof(es256.header(), claims("").replace("}", "") + extra + "}"));
      }
      proofs.add(
          es256.proof(es256.header(), claims("").replace("\"jti\":\"", "\"jti\":1,\"x\":\"")));
      proofs.add(
          es256.proof(
              es256.header(), claims("").replaceFirst("\"jti\":\"[^\"]*\"", "\"jti\":\"\"")));
      proofs.add(
          es256.proof(
              es256.header(),
              claims("")
                  .replaceFirst("\"jti\":\"[^\"]*\"", "\"jti\":\"" + "j".repeat(257) + "\"")));
      proofs.add(es256.proof(es256.header(), claims("").replace(",\"htm\":\"GET\"", "")));
      proofs.add(es256.proof(es256.header(), claims("").replaceFirst(",\"iat\":\\d+", "")));
      proofs.add(es256.proof(es256.header(), "[" + claims("") + "]"));
      proofs.add(es256.proof(es256.header(), claims("") + " x"));
      proofs.add(es256.proof(es256.header(), "{"));
      proofs.add(es256.proof(es256.header(), ""));
      // signatures: another key, tampered, padded, truncated, lengthened, non-canonical
      String genuine = es256.proof();
      int dot = genuine.lastIndexOf('.');
      proofs.add(genuine.substring(0, dot + 1) + B64.encodeToString(signer("ES256").sign("x")));
      proofs.add(
          genuine.substring(0, dot + 1)
              + flip(genuine.charAt(dot + 1))
              + genuine.substring(dot + 2));
      proofs.add(genuine + "A");
      proofs.add(genuine + "AA");
      proofs.add(genuine.substring(0, genuine.length() - 1));
      proofs.add(genuine.substring(0, dot + 1));
      String ed = signer("EdDSA").proof();
      proofs.add(ed + "A");
      proofs.add(ed.substring(0, ed.length() - 1) + flip(ed.charAt(ed.length() - 1)));
      proofs.add(
          genuine.substring(0, genuine.indexOf('.'))
              + "="
              + genuine.substring(genuine.indexOf('.')));
      // shapes other than three segments
      proofs.add(genuine.substring(0, dot));
      proofs.add(genuine + ".");
      proofs.add(genuine + ".x.y");
      proofs.add("");
      proofs.add("..");
      proofs.add(genuine.replace('.', ' '));
      return proofs;
    }

    @Test
    void whenEachPartOfAProofIsBrokenAloneThenBothReadingsAgree() {
      int decided = 0;
      for (String proof : proofs()) {
        if (!(assertSameOutcome(proof) instanceof Verdict.Undecided)) {
          decided++;
        }
      }
      assertTrue(decided > 20, "the lean reading decided only " + decided);
    }

    @Test
    void whenOnlyTheDefaultAlgorithmsAreAllowedThenBothReadingsAgree() {
      for (String proof : proofs()) {
        assertSameOutcome(LEAN_DEFAULTS, JUDGE_DEFAULTS, proof);
      }
      for (Signer signer : SIGNERS) {
        assertSameOutcome(LEAN_DEFAULTS, JUDGE_DEFAULTS, signer.proof());
      }
    }

    @Test
    void whenTheHeaderKeyIsAPrivateKeyThenTheJudgeRefusesIt() {
      String jwk = es256.jwk().replace("}", ",\"d\":\"AAAA\"}");
      String proof = es256.proof(header("\"dpop+jwt\"", "\"ES256\"", jwk, ""), claims(""));

      assertEquals(Verdict.refused(Rejection.DPOP_PROOF_UNUSABLE_KEY), JUDGE.read(proof));
      assertInstanceOf(Verdict.Undecided.class, LEAN.read(proof));
    }

    private String shortRsa() {
      try {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair pair = rsa.generateKeyPair();
        Signer small = new Signer("RS256", pair, jwkOf("RS256", pair));
        return small.proof(small.header(), claims(""));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  class SeededMutations {

    private final List<UnaryOperator<String>> rewrites =
        List.of(
            s -> s.replace("dpop+jwt", "DPOP+JWT"),
            s -> s.replace("\"iat\":", "\"iat\":1"),
            s -> s.replace("\"jti\"", "\"jti\":\"x\",\"jti\""),
            s -> s.replace("\"kty\"", "\"d\":\"AQAB\",\"kty\""),
            s -> s.replace("\"crv\":\"P-256\"", "\"crv\":\"P-521\""),
            s -> s.replace("\"GET\"", "\"G\\u0045T\""),
            s -> s.replace(",", " ,"),
            s -> s.replace("}", ",\"n\":null}"));

    private String mutate(String proof, Signer signer, Random random) {
      StringBuilder text = new StringBuilder(proof);
      int operations = 1 + random.nextInt(3);
      for (int i = 0; i < operations && text.length() > 1; i++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(6)) {
          case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 1 -> text.deleteCharAt(at);
          case 2 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 3 -> text.insert(at, '.');
          default -> {
            // rewrite the header or the claims text, then sign it again (or not)
            String[] p = text.toString().split("\\.", -1);
            if (p.length == 3 && decodes(p[0]) && decodes(p[1])) {
              int which = random.nextInt(2);
              String json = new String(Base64.getUrlDecoder().decode(p[which]), UTF_8);
              p[which] = b64(rewrites.get(random.nextInt(rewrites.size())).apply(json));
              String input = p[0] + "." + p[1];
              String signed =
                  random.nextBoolean()
                      ? input + "." + B64.encodeToString(signer.sign(input))
                      : String.join(".", p);
              text.replace(0, text.length(), signed);
            }
          }
        }
      }
      return text.toString();
    }

    @Test
    void whenGenuineProofsAreMutatedThenBothReadingsAgreeOnEveryMutant() {
      Random random = new Random(20261207L);
      int decided = 0;
      for (int round = 0; round < 150; round++) {
        for (Signer signer : SIGNERS) {
          String mutant = mutate(signer.proof(), signer, random);
          if (!(assertSameOutcome(mutant) instanceof Verdict.Undecided)) {
            decided++;
          }
        }
      }
      assertTrue(decided > 300, "the lean reading decided only " + decided);
    }

    @Test
    void whenManyKeysAreUsedThenEveryGenuineProofIsReadAlikeAndLeanly() {
      // fresh keys each time: coordinates with leading zero bytes and odd sizes show up here
      for (int i = 0; i < 300; i++) {
        Signer signer = Signer.of(ALGORITHMS.get(i % 4 == 3 ? 3 : i % 3));
        assertInstanceOf(Verdict.Accepted.class, assertSameOutcome(signer.proof()), signer.jwk());
      }
    }
  }

  private static boolean decodes(String segment) {
    try {
      Base64.getUrlDecoder().decode(segment);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static char flip(char c) {
    int i = ALPHABET.indexOf(c);
    return ALPHABET.charAt(i < 0 ? 0 : i ^ 1);
  }

  private static String member(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }

  private static KeyPair generate(String alg) throws GeneralSecurityException {
    if (alg.equals("EdDSA")) {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
    if (alg.startsWith("ES")) {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      String curve =
          switch (alg) {
            case "ES256" -> "secp256r1";
            case "ES384" -> "secp384r1";
            default -> "secp521r1";
          };
      ec.initialize(new ECGenParameterSpec(curve));
      return ec.generateKeyPair();
    }
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    return rsa.generateKeyPair();
  }

  private static String jwkOf(String alg, KeyPair pair) {
    if (alg.equals("EdDSA")) {
      byte[] encoded = pair.getPublic().getEncoded();
      byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
      return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build().toJSONString();
    }
    if (alg.startsWith("ES")) {
      Curve curve = Curve.forECParameterSpec(((ECPublicKey) pair.getPublic()).getParams());
      return new ECKey.Builder(curve, (ECPublicKey) pair.getPublic()).build().toJSONString();
    }
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().toJSONString();
  }

  private static Signature engine(String alg) throws GeneralSecurityException {
    return switch (alg) {
      case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
      case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
      case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
      case "EdDSA" -> Signature.getInstance("Ed25519");
      case "RS256" -> Signature.getInstance("SHA256withRSA");
      case "RS384" -> Signature.getInstance("SHA384withRSA");
      case "RS512" -> Signature.getInstance("SHA512withRSA");
      default -> {
        int bits = Integer.parseInt(alg.substring(2));
        String hash = "SHA-" + bits;
        MGF1ParameterSpec mgf =
            bits == 256
                ? MGF1ParameterSpec.SHA256
                : bits == 384 ? MGF1ParameterSpec.SHA384 : MGF1ParameterSpec.SHA512;
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, bits / 8, 1));
        yield pss;
      }
    };
  }
}
