package dev.gatehouse.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Introspection answers (RFC 7662) shared between nodes, so that a token introspected on one node
 * is not introspected again on each of the others, and an inactive answer holds everywhere.
 *
 * <p>Keys are a base64url SHA-256 of the issuer and the token, never the token; values are
 * Gatehouse's own encoding of the answer, opaque to the store.
 */
public interface IntrospectionStore {

  /**
   * The answer held for {@code key}, if one is held and its instant has not passed.
   *
   * @throws StoreUnavailableException when the shared state cannot be read
   */
  Optional<String> get(String key);

  /**
   * Holds {@code answer} for {@code key} until {@code until}; a store that is full may drop other
   * answers to make room, since a dropped answer only costs a new introspection.
   *
   * @throws StoreUnavailableException when the shared state cannot be written
   */
  void put(String key, String answer, Instant until);
}
