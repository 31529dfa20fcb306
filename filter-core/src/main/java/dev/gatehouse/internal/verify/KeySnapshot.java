package dev.gatehouse.internal.verify;

import java.security.Key;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one key set that may verify signatures, as the verified-token cache checks them: the
 * same rules and the same first {@link KeySelector#MAX_KEYS} keys as the resolver, so a key
 * withdrawn, re-published for encryption ({@code use}, {@code key_ops}) or for another {@code alg}
 * stops serving cached tokens exactly when it stops verifying new ones. Immutable; one per key set.
 */
final class KeySnapshot {

  static final KeySnapshot NONE = new KeySnapshot(null, Set.of());

  private final @Nullable List<JsonWebKey> source;

  /** A {@link Key} published without {@code alg}, or a {@link KeyForAlg} when it names one. */
  private final Set<Object> permitted;

  private KeySnapshot(@Nullable List<JsonWebKey> source, Set<Object> permitted) {
    this.source = source;
    this.permitted = permitted;
  }

  static KeySnapshot of(List<JsonWebKey> keys) {
    Set<Object> permitted = new HashSet<>();
    int used = 0;
    for (JsonWebKey jwk : keys) {
      if (used == KeySelector.MAX_KEYS) {
        break;
      }
      if (SignatureKeys.isSignatureKey(jwk)) {
        used++;
        String alg = jwk.getAlgorithm();
        permitted.add(alg == null ? jwk.getKey() : new KeyForAlg(jwk.getKey(), alg));
      }
    }
    return new KeySnapshot(keys, Set.copyOf(permitted));
  }

  /** Whether this snapshot was made from exactly {@code keys} (the same list object). */
  boolean isOf(List<JsonWebKey> keys) {
    return source == keys;
  }

  /** Whether {@code key} may verify a signature made with {@code alg}. */
  boolean permits(Key key, String alg) {
    return permitted.contains(key) || permitted.contains(new KeyForAlg(key, alg));
  }

  private record KeyForAlg(Key key, String alg) {}
}
