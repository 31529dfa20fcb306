package dev.gatehouse.verify;

import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the verification key for a JWS from the trusted {@link KeySource} only, after checking the
 * header: the algorithm must be one the application chose, {@code typ} must fit an access token,
 * and no {@code crit} extension is understood; the key must be published for verifying with that
 * algorithm ({@link SignatureKeys}); and the signature must have the length the algorithm and key
 * produce. Keys named inside the token ({@code jwk}, {@code
 * jku}, {@code x5u}, {@code x5c}) are never looked at.
 */
final class TrustedKeyResolver implements VerificationKeyResolver {

  /**
   * Bounds the per-token work of selecting a key (and of trying each when several fit): real
   * providers publish two or three keys.
   */
  static final int MAX_KEYS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(TrustedKeyResolver.class);
  private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

  private final KeySource source;
  private final Set<String> algorithms;
  private final VerificationJwkSelector selector = new VerificationJwkSelector();
  private volatile Usable usable = new Usable(null, List.of());

  TrustedKeyResolver(KeySource source, Set<String> algorithms) {
    this.source = source;
    this.algorithms = algorithms;
  }

  @Override
  public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nested)
      throws UnresolvableKeyException {
    checkHeader(jws);
    List<JsonWebKey> seen = source.keys();
    JsonWebKey key = select(jws, usable(seen));
    if (key == null && source.refreshUnknownKey(seen)) {
      seen = source.keys();
      key = select(jws, usable(seen));
    }
    if (key == null) {
      key = unnamed(jws, usable(seen));
    }
    if (key == null) {
      throw new BearerTokenException(Rejection.UNKNOWN_KEY);
    }
    if (!SignatureLength.fits(jws, key.getKey())) {
      throw new BearerTokenException(Rejection.INVALID_SIGNATURE);
    }
    return key.getKey();
  }

  private void checkHeader(JsonWebSignature jws) {
    String alg = jws.getAlgorithmHeaderValue();
    if (alg == null || !algorithms.contains(alg)) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_ALGORITHM);
    }
    if (jws.getHeaders().getObjectHeaderValue("crit") != null
        || jws.getHeaders().getObjectHeaderValue("b64") != null) {
      // RFC 7515 section 4.1.11: no extension is understood here, so none may be critical.
      throw new BearerTokenException(Rejection.UNSUPPORTED_CRITICAL_HEADER);
    }
    if (!isAccessTokenType(jws.getHeaders().getObjectHeaderValue("typ"))) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_TOKEN_TYPE);
    }
  }

  /** A {@code typ} header fit for an access token: absent, {@code JWT} or {@code at+jwt}. */
  static boolean isAccessTokenType(Object typ) {
    return typ == null
        || (typ instanceof String s && ACCESS_TOKEN_TYPES.contains(s.toLowerCase(Locale.ROOT)));
  }

  /**
   * The trusted keys jose4j's selector finds for the header of {@code jws} in the key set {@code
   * seen}: the first step of {@link #resolveKey}. Depends on the header alone, so a caller may keep
   * the answer for as long as {@code seen} is the current key set.
   */
  List<JsonWebKey> candidates(JsonWebSignature jws, List<JsonWebKey> seen) throws JoseException {
    return selector.selectList(
        jws, SignatureKeys.forAlgorithm(usable(seen), jws.getAlgorithmHeaderValue()));
  }

  private JsonWebKey select(JsonWebSignature jws, List<JsonWebKey> keys) {
    try {
      List<JsonWebKey> candidates =
          selector.selectList(
              jws, SignatureKeys.forAlgorithm(keys, jws.getAlgorithmHeaderValue()));
      if (candidates.size() <= 1) {
        return candidates.isEmpty() ? null : candidates.get(0);
      }
      // Several trusted keys fit (same kid, or none given): the one that verifies decides.
      return selector.selectWithVerifySignatureDisambiguate(jws, candidates);
    } catch (JoseException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /**
   * A trusted key published without a {@code kid}, such as a configured PEM key, may verify a token
   * that names one: jose4j's selector matches such a key only when the token names none. The
   * signature decides, so only a key that verifies this token is returned.
   */
  private static JsonWebKey unnamed(JsonWebSignature jws, List<JsonWebKey> keys) {
    if (jws.getKeyIdHeaderValue() == null) {
      return null; // the selector has already considered every key
    }
    for (JsonWebKey key : keys) {
      try {
        if (key.getKeyId() == null
            && jws.getKeyType().equals(key.getKeyType())
            && SignatureKeys.allows(key, jws.getAlgorithmHeaderValue())) {
          jws.setKey(key.getKey());
          if (jws.verifySignature()) {
            return key;
          }
        }
      } catch (JoseException e) {
        // a key of the right type but the wrong curve or size: not this token's key
      }
    }
    return null;
  }

  List<JsonWebKey> usable(List<JsonWebKey> keys) {
    Usable current = usable;
    if (current.source == keys) {
      return current.keys;
    }
    List<JsonWebKey> kept = new ArrayList<>(Math.min(keys.size(), MAX_KEYS));
    boolean dropped = false;
    for (JsonWebKey key : keys) {
      if (!SignatureKeys.isSignatureKey(key)) {
        continue;
      }
      if (kept.size() < MAX_KEYS) {
        kept.add(key);
      } else {
        dropped = true;
      }
    }
    if (dropped) {
      LOG.warn("gatehouse jwks_too_many_keys: only the first {} signature keys are used", MAX_KEYS);
    }
    usable = new Usable(keys, List.copyOf(kept));
    return usable.keys;
  }

  private record Usable(List<JsonWebKey> source, List<JsonWebKey> keys) {}
}
