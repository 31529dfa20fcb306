package dev.gatehouse.internal.lean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * A JWS protected header that {@link LeanVerifier} may handle on its own, checked once: it names
 * only {@code alg}, {@code typ} and {@code kid}, as strings; {@code alg} is one the application
 * chose and jose4j offers; {@code typ} fits an access token. Every such header passes the key
 * resolver's header checks, so the full path could refuse its token only for its key, signature or
 * claims, which the fast path checks the same way. Any other header ({@code crit}, {@code cty},
 * {@code x5t}, {@code jku}, a number where a string belongs, a refused algorithm) is undecided: the
 * full jose4j path handles it and gives the precise refusal.
 */
final class LeanHeader {

  private static final Set<String> LEAN_NAMES = Set.of("alg", "typ", "kid");

  final String alg;
  final JsonWebSignatureAlgorithm algorithm;

  /** A signature object carrying this header only, for the key selection. */
  private final JsonWebSignature headerOnly;

  private volatile @Nullable Memo memo;

  private LeanHeader(String alg, JsonWebSignatureAlgorithm algorithm, JsonWebSignature headerOnly) {
    this.alg = alg;
    this.algorithm = algorithm;
    this.headerOnly = headerOnly;
  }

  /** Reads the base64url header segment of a compact JWS: accepted or undecided, never thrown. */
  static Verdict<LeanHeader> of(String segment, Set<String> algorithms) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
      Map<String, Object> header = JsonUtil.parseJson(json);
      if (!LEAN_NAMES.containsAll(header.keySet())
          || !(header.get("alg") instanceof String alg && algorithms.contains(alg))
          || !(header.get("kid") == null || header.get("kid") instanceof String)
          || !AccessTokenType.fits(header.get("typ"))) {
        return Verdict.undecided();
      }
      JsonWebSignatureAlgorithm algorithm =
          AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
      if (!algorithm.isAvailable()) {
        return Verdict.undecided();
      }
      JsonWebSignature headerOnly = new JsonWebSignature();
      headerOnly.getHeaders().setFullHeaderAsJsonString(json);
      return Verdict.accepted(new LeanHeader(alg, algorithm, headerOnly));
    } catch (JoseException | RuntimeException e) {
      return Verdict.undecided(); // the full path reads it again and gives the precise refusal
    }
  }

  /**
   * The shared key choice for this header in the key set {@code seen}, narrowed to what the fast
   * path handles, made once per key set: one key, already validated for the algorithm (what
   * jose4j's verifySignature checks first: RSA size, EC curve, key class); or the kid-less keys to
   * try that the algorithm accepts; else undecided (several keys, none at all, a key jose4j would
   * refuse), for the full path.
   */
  Verdict<KeyChoice> keyChoice(List<JsonWebKey> seen, KeySelection selection) {
    Memo known = memo;
    if (known != null && known.seen() == seen) {
      return known.choice();
    }
    Memo made = new Memo(seen, choose(seen, selection));
    memo = made;
    return made.choice();
  }

  private Verdict<KeyChoice> choose(List<JsonWebKey> seen, KeySelection selection) {
    try {
      KeyChoice choice = selection.choose(headerOnly, seen);
      if (choice instanceof KeyChoice.One one) {
        algorithm.validateVerificationKey(one.key().getKey());
        return Verdict.accepted(choice);
      }
      if (choice instanceof KeyChoice.Unnamed unnamed) {
        List<JsonWebKey> usable = validated(unnamed.keys());
        if (!usable.isEmpty()) {
          return Verdict.accepted(new KeyChoice.Unnamed(usable));
        }
      }
    } catch (JoseException | RuntimeException e) {
      // the full path meets the same problem and reports it
    }
    return Verdict.undecided();
  }

  /** The keys the algorithm accepts, in order: the resolver skips the others too. */
  private List<JsonWebKey> validated(List<JsonWebKey> keys) {
    List<JsonWebKey> usable = new ArrayList<>(keys.size());
    for (JsonWebKey key : keys) {
      try {
        algorithm.validateVerificationKey(key.getKey());
        usable.add(key);
      } catch (JoseException | RuntimeException e) {
        // not this token's key
      }
    }
    return usable;
  }

  /** A choice and the key set it was made in (compared by identity). */
  private record Memo(List<JsonWebKey> seen, Verdict<KeyChoice> choice) {}
}
