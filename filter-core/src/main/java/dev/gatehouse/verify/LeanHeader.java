package dev.gatehouse.verify;

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

/**
 * A JWS protected header that {@link LeanJwsVerifier} may handle on its own, checked once: it
 * names only {@code alg}, {@code typ} and {@code kid}, as strings; {@code alg} is one the
 * application chose and jose4j offers; {@code typ} fits an access token. Every such header passes
 * {@link TrustedKeyResolver}'s header checks, so the full path could refuse its token only for its
 * key, signature or claims, which the lean path checks the same way. Anything else ({@code crit},
 * {@code cty}, {@code x5t}, {@code jku}, a number where a string belongs, a refused algorithm) is
 * {@link #NOT_LEAN}: the full jose4j path handles it and gives the precise refusal.
 */
final class LeanHeader {

  static final LeanHeader NOT_LEAN = new LeanHeader(null, null, null);

  private static final Set<String> LEAN_NAMES = Set.of("alg", "typ", "kid");

  final String alg;
  final JsonWebSignatureAlgorithm algorithm;

  /** A signature object carrying this header only, for jose4j's key selector. */
  private final JsonWebSignature headerOnly;

  private volatile KeyChoice choice;

  private LeanHeader(String alg, JsonWebSignatureAlgorithm algorithm, JsonWebSignature headerOnly) {
    this.alg = alg;
    this.algorithm = algorithm;
    this.headerOnly = headerOnly;
  }

  /** Reads the base64url header segment of a compact JWS; never throws. */
  static LeanHeader of(String segment, Set<String> algorithms) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
      Map<String, Object> header = JsonUtil.parseJson(json);
      if (!LEAN_NAMES.containsAll(header.keySet())
          || !(header.get("alg") instanceof String alg && algorithms.contains(alg))
          || !(header.get("kid") == null || header.get("kid") instanceof String)
          || !TrustedKeyResolver.isAccessTokenType(header.get("typ"))) {
        return NOT_LEAN;
      }
      JsonWebSignatureAlgorithm algorithm =
          AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
      if (!algorithm.isAvailable()) {
        return NOT_LEAN;
      }
      JsonWebSignature headerOnly = new JsonWebSignature();
      headerOnly.getHeaders().setFullHeaderAsJsonString(json);
      return new LeanHeader(alg, algorithm, headerOnly);
    } catch (JoseException | RuntimeException e) {
      return NOT_LEAN; // the full path reads it again and gives the precise refusal
    }
  }

  boolean isLean() {
    return algorithm != null;
  }

  /**
   * The key choice for this header in the key set {@code seen}, made once per key set: the one
   * trusted key jose4j's selector picks, already validated for the algorithm; or, when the header
   * names a kid no trusted key has, the trusted keys published without a kid that could verify it
   * ({@link TrustedKeyResolver}'s fallback for a configured PEM key); or neither, when the full
   * path must decide (several keys, none at all, a key jose4j would refuse).
   */
  KeyChoice keyChoice(List<JsonWebKey> seen, TrustedKeyResolver keys) {
    KeyChoice known = choice;
    if (known != null && known.seen() == seen) {
      return known;
    }
    synchronized (this) {
      KeyChoice made = choose(seen, keys);
      choice = made;
      return made;
    }
  }

  private KeyChoice choose(List<JsonWebKey> seen, TrustedKeyResolver keys) {
    try {
      List<JsonWebKey> candidates = keys.candidates(headerOnly, seen);
      if (candidates.size() == 1) {
        JsonWebKey key = candidates.get(0);
        // What jose4j's verifySignature checks first (RSA size, EC curve, key class), once per key.
        algorithm.validateVerificationKey(key.getKey());
        return new KeyChoice(seen, key, null);
      }
      if (candidates.isEmpty() && headerOnly.getKeyIdHeaderValue() != null) {
        List<JsonWebKey> unnamed = unnamed(keys.usable(seen));
        if (!unnamed.isEmpty()) {
          return new KeyChoice(seen, null, unnamed);
        }
      }
    } catch (JoseException | RuntimeException e) {
      // the full path meets the same problem and reports it
    }
    return new KeyChoice(seen, null, null);
  }

  /** As the resolver tries them: kid-less keys of the algorithm's type, in order, usable by it. */
  private List<JsonWebKey> unnamed(List<JsonWebKey> usable) throws JoseException {
    String keyType = headerOnly.getKeyType();
    List<JsonWebKey> unnamed = new ArrayList<>();
    for (JsonWebKey key : usable) {
      if (key.getKeyId() == null
          && keyType.equals(key.getKeyType())
          && SignatureKeys.allows(key, alg)) {
        try {
          algorithm.validateVerificationKey(key.getKey());
          unnamed.add(key);
        } catch (JoseException | RuntimeException e) {
          // the resolver skips such a key too
        }
      }
    }
    return List.copyOf(unnamed);
  }

  /**
   * @param sole the one key to verify with, or null
   * @param unnamed when {@code sole} is null: kid-less keys to try in order, or null for the full
   *     path
   */
  record KeyChoice(List<JsonWebKey> seen, JsonWebKey sole, List<JsonWebKey> unnamed) {}
}
