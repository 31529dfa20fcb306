package dev.gatehouse.internal.discovery;

import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link RemoteKeySource} knows about its key set at one moment, replaced as a whole so
 * that a reader never sees half of an update (a new set with the old set's lifetime, a failure
 * without its time). Times are {@link dev.gatehouse.internal.time.Ticker} readings.
 *
 * @param jwks jose4j's cache of the set, made once the URL is known; null before
 * @param loaded whether a first fetch has succeeded
 * @param failed whether the last fetch left no usable keys, at {@code failedAt}
 * @param fresh the last set a fetch brought, fetched at {@code freshAt} and good for {@code
 *     freshLifetime} nanoseconds
 */
record KeySetState(
    @Nullable HttpsJwks jwks,
    boolean loaded,
    boolean failed,
    long failedAt,
    @Nullable List<JsonWebKey> fresh,
    long freshAt,
    long freshLifetime) {

  static final KeySetState NONE = new KeySetState(null, false, false, 0, null, 0, 0);

  KeySetState withJwks(HttpsJwks created) {
    return new KeySetState(created, loaded, failed, failedAt, fresh, freshAt, freshLifetime);
  }

  KeySetState asLoaded() {
    return new KeySetState(jwks, true, false, failedAt, fresh, freshAt, freshLifetime);
  }

  KeySetState failedAt(long now) {
    return new KeySetState(jwks, loaded, true, now, fresh, freshAt, freshLifetime);
  }

  KeySetState succeeded() {
    return failed
        ? new KeySetState(jwks, loaded, false, failedAt, fresh, freshAt, freshLifetime)
        : this;
  }

  KeySetState observed(List<JsonWebKey> set, long now, long lifetime) {
    return new KeySetState(jwks, loaded, failed, failedAt, set, now, lifetime);
  }

  /** How long the pause after a failed fetch still lasts at {@code now}; 0 or less when over. */
  long backoffLeft(long now, long cooldown) {
    return failed ? cooldown - (now - failedAt) : 0;
  }

  /** Whether the last fresh set is older than its lifetime plus {@code retention}. */
  boolean staleBeyond(long now, long retention) {
    return now - freshAt > freshLifetime + retention;
  }
}
