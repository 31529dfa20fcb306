package dev.gatehouse.login;

import jakarta.servlet.http.HttpSession;

/**
 * Serialises the read-change-write steps of one session on this node (a renewal, a callback), so
 * that two requests of the same user do not both spend the same refresh token. Striped by session
 * id: bounded memory, and unrelated sessions rarely wait for each other.
 */
final class SessionLocks {

  private static final int STRIPES = 64;

  private final Object[] stripes = new Object[STRIPES];

  SessionLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  Object of(HttpSession session) {
    return stripes[Math.floorMod(session.getId().hashCode(), STRIPES)];
  }
}
