package dev.gatehouse.store;

/**
 * The state that every node serving the same application must agree on, so that a load balancer may
 * send any request to any node: revocations, used DPoP proofs, the keys DPoP nonces are made with,
 * and introspection answers.
 *
 * <p>The default keeps all of it in this JVM (nothing to run, right for one node). A shared
 * implementation, such as the one in {@code gatehouse-hazelcast}, is chosen with {@code
 * gatehouse.store} and found through a {@link SharedStoreFactory}, or handed to the configuration
 * builder directly.
 *
 * <p>Every method of every part may throw {@link StoreUnavailableException} when the shared state
 * cannot be reached; what the filter then does is the configured failure policy ({@code
 * gatehouse.store.unavailable}), never an acceptance it could not check.
 */
public interface SharedStore extends AutoCloseable {

  /**
   * Servlet-context attribute under which the filter publishes the store it uses, so that other
   * parts of the application (the Shared Signals receiver, an admin servlet) write to the same one.
   */
  String ATTRIBUTE = "dev.gatehouse.store";

  /** Revoked token ids, subjects and sessions. */
  RevocationStore revocations();

  /** The DPoP proofs already used. */
  ReplayStore replays();

  /** The keys DPoP nonces are made and checked with. */
  NonceSecrets nonceSecrets();

  /** Introspection answers (RFC 7662), active and inactive, each until its own instant. */
  IntrospectionStore introspections();

  /**
   * Releases what this store started (an embedded cluster member, a client connection). A store the
   * application built around its own instance leaves that instance running.
   */
  @Override
  default void close() {}
}
