package dev.gatehouse.store;

import java.util.List;

/**
 * The keys that DPoP nonces are made and checked with. Nodes that share the same secrets accept
 * each other's nonces, which is all a cluster needs: nonces themselves are never stored.
 *
 * <p>{@link #current()} makes new nonces; every key of {@link #accepted()} (the current one first,
 * then the one it replaced) checks them, so a rotation does not refuse nonces issued just before
 * it.
 */
public interface NonceSecrets {

  /** The key new nonces are made with, at least 32 bytes. */
  byte[] current();

  /** The keys a nonce may have been made with: {@link #current()} first, then older ones. */
  List<byte[]> accepted();
}
