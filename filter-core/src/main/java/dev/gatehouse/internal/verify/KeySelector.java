package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.lean.KeyChoice;
import dev.gatehouse.internal.lean.KeySelection;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses verification keys for both paths: among the first {@link #MAX_KEYS} signature keys of the
 * set ({@link SignatureKeys}), those published for the token's algorithm, as jose4j's selector
 * matches them to the header; when the header names a kid that none has, the kid-less keys of the
 * algorithm's key type (a configured PEM key), which the signature then decides.
 */
final class KeySelector implements KeySelection {

  /**
   * Bounds the per-token work of selecting a key (and of trying each when several fit): real
   * providers publish two or three keys.
   */
  static final int MAX_KEYS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(KeySelector.class);

  private final VerificationJwkSelector selector = new VerificationJwkSelector();
  private volatile Usable usable = new Usable(null, List.of());

  @Override
  public KeyChoice choose(JsonWebSignature header, List<JsonWebKey> seen) throws JoseException {
    String alg = header.getAlgorithmHeaderValue();
    List<JsonWebKey> keys = usable(seen);
    List<JsonWebKey> candidates =
        selector.selectList(header, SignatureKeys.forAlgorithm(keys, alg));
    if (candidates.size() == 1) {
      return new KeyChoice.One(candidates.get(0));
    }
    if (!candidates.isEmpty()) {
      return new KeyChoice.Several(candidates);
    }
    if (header.getKeyIdHeaderValue() == null) {
      return new KeyChoice.None(); // the selector has already considered every key
    }
    return new KeyChoice.Unnamed(unnamed(header, seen));
  }

  /**
   * When the header names a kid: the trusted keys published without one, of the algorithm's key
   * type and allowed for it, in order (jose4j's selector matches a kid-less key only when the token
   * names none). Empty when the header names no kid or its key type cannot be had.
   */
  List<JsonWebKey> unnamed(JsonWebSignature header, List<JsonWebKey> seen) {
    String alg = header.getAlgorithmHeaderValue();
    List<JsonWebKey> unnamed = new ArrayList<>();
    if (header.getKeyIdHeaderValue() == null) {
      return unnamed;
    }
    String keyType;
    try {
      keyType = header.getKeyType();
    } catch (JoseException e) {
      return unnamed; // no key is of an unknown algorithm's type
    }
    for (JsonWebKey key : usable(seen)) {
      if (key.getKeyId() == null
          && keyType.equals(key.getKeyType())
          && SignatureKeys.allows(key, alg)) {
        unnamed.add(key);
      }
    }
    return unnamed;
  }

  /** The signature keys of {@code keys}, at most {@link #MAX_KEYS}; kept per key set. */
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
    Usable made = new Usable(keys, List.copyOf(kept));
    usable = made;
    return made.keys;
  }

  private record Usable(@Nullable List<JsonWebKey> source, List<JsonWebKey> keys) {}
}
