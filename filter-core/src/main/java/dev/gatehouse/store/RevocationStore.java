package dev.gatehouse.store;

import java.util.Collection;
import java.util.List;

/**
 * Where revocations are kept until they no longer matter. Asked on every request with the keys of
 * one verified token (its {@code jti}, {@code sub} and {@code sid}), so a read must be cheap: an
 * empty store should answer without a lookup, a shared one from a near cache.
 *
 * <p>An entry is never dropped to make room before its {@link Revocation#until()}: a revocation
 * that silently vanished would let a token back in. A store that is full refuses the new entry with
 * {@link IllegalStateException}.
 */
public interface RevocationStore {

  /**
   * Records {@code revocation}; an entry already held for the same key is {@link Revocation#merge
   * merged} with it, so concurrent writers never shorten each other's.
   *
   * @throws IllegalStateException when the store holds as many entries as it may
   * @throws StoreUnavailableException when the shared state cannot be written
   */
  void revoke(Revocation revocation);

  /**
   * The entries held for any of {@code keys} and not yet past their {@code until}.
   *
   * @throws StoreUnavailableException when the shared state cannot be read
   */
  List<Revocation> find(Collection<Revocation.Key> keys);

  /**
   * False only when this store is sure to hold no revocation at all, so that the filter can skip
   * building a token's keys and calling {@link #find}. Answered on every request: it must be cheap,
   * must not throw, and must answer true whenever the store is unsure (a shared store that cannot
   * tell without asking its cluster).
   */
  default boolean mayHoldAny() {
    return true;
  }
}
