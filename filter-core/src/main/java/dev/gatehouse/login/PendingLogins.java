package dev.gatehouse.login;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logins started in one session (one per browser tab at most a few), immutable so that it can
 * be replaced in the session as a whole, which is what container session replication notices.
 * Bounded: a new login pushes out the oldest; expired ones are dropped on every change.
 */
record PendingLogins(List<PendingLogin> logins) implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String ATTRIBUTE = "dev.gatehouse.login.pending";

  PendingLogins {
    logins = List.copyOf(logins);
  }

  static PendingLogins none() {
    return new PendingLogins(List.of());
  }

  PendingLogins with(PendingLogin login, Instant now, int max) {
    List<PendingLogin> kept = new ArrayList<>(live(now));
    kept.add(login);
    while (kept.size() > max) {
      kept.remove(0);
    }
    return new PendingLogins(kept);
  }

  /**
   * Finds the login whose {@code state} equals the one given, comparing every entry in constant
   * time. Found or not, the result no longer holds it nor any expired entry: each state is good for
   * one callback only.
   */
  Taken take(String state, Instant now) {
    PendingLogin found = null;
    List<PendingLogin> rest = new ArrayList<>(logins.size());
    for (PendingLogin login : logins) {
      if (Pkce.sameValue(login.state(), state)) {
        found = login;
      } else if (!login.isExpired(now)) {
        rest.add(login);
      }
    }
    return new Taken(Optional.ofNullable(found), new PendingLogins(rest));
  }

  boolean isEmpty() {
    return logins.isEmpty();
  }

  private List<PendingLogin> live(Instant now) {
    return logins.stream().filter(l -> !l.isExpired(now)).toList();
  }

  /** The outcome of {@link #take}: the login, if any, and what remains. */
  record Taken(Optional<PendingLogin> login, PendingLogins rest) {}
}
