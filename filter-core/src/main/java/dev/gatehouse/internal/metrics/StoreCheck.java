package dev.gatehouse.internal.metrics;

/** The shared-store checks that may fall back to node-local state (the metric's tag). */
public enum StoreCheck {
  REVOCATION,
  REPLAY,
  NONCE,
  INTROSPECTION
}
