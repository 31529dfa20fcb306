package dev.gatehouse.store;

import java.time.Instant;

/**
 * Where the {@code jti} of every accepted DPoP proof is remembered for as long as the proof's
 * {@code iat} would still be accepted (RFC 9449 section 11.1), so that a second use is refused.
 *
 * <p>The key is a SHA-256 over the proof's target URI and {@code jti}, so every entry has the same
 * small size whatever a client sends. An implementation shared between nodes (the cluster store)
 * must answer {@link Use#FIRST} to exactly one of concurrent callers with the same key.
 */
public interface ReplayStore {

  /** The answer to {@link #record}. */
  enum Use {
    /** Not seen before; now remembered until the given instant. */
    FIRST,
    /** Seen before and not yet forgotten. */
    REPLAYED,
    /** The store holds as many entries as it may: the proof cannot be checked, so it is refused. */
    FULL
  }

  /**
   * Remembers {@code key} until {@code until} unless it is already remembered.
   *
   * @param key base64url SHA-256 of the target URI and {@code jti}, at most 43 characters
   */
  Use record(String key, Instant until);
}
