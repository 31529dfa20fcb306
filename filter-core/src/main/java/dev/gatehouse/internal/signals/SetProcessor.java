package dev.gatehouse.internal.signals;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * One SET, pushed or polled: verified, its events written to the revocation store, then its {@code
 * jti} recorded.
 *
 * <p>The order is the point. The revocations are written before the {@code jti} is recorded, so a
 * store that fails half way leaves the {@code jti} free and the transmitter's retry applies the SET
 * in full; a SET applied twice (two nodes, or a retry after a lost answer) changes nothing, since
 * equal revocations merge. A {@code jti} already recorded is refused, and it stays recorded for as
 * long as its {@code iat} is accepted, after which the {@code iat} check refuses it: a SET is never
 * accepted twice, however late it is replayed.
 */
public final class SetProcessor {

  private final SetVerifier verifier;
  private final EventMapping mapping;
  private final String transmitter;
  private final Duration remember;
  private final SignalCounters counters;

  /**
   * @param remember how long after its {@code iat} a {@code jti} is kept: the accepted age of a SET
   *     plus the skew
   */
  public SetProcessor(
      SetVerifier verifier,
      EventMapping mapping,
      String transmitter,
      Duration remember,
      SignalCounters counters) {
    this.verifier = verifier;
    this.mapping = mapping;
    this.transmitter = transmitter;
    this.remember = remember;
    this.counters = counters;
  }

  /**
   * @return the SET's {@code jti}, for the poller's acknowledgement
   * @throws SetRefusedException when the SET is not accepted; the transmitter should not resend it
   * @throws StoreUnavailableException when the store could not be written, or is full; the
   *     transmitter should resend it later
   * @throws ProviderUnavailableException when the transmitter's keys cannot be had
   */
  public String accept(String compact, RevocationStore revocations, ReplayStore replays)
      throws SetRefusedException {
    try {
      VerifiedSet set = verifier.verify(compact);
      EventMapping.Result result = mapping.map(set);
      for (Revocation revocation : result.revocations()) {
        revoke(revocations, revocation);
      }
      ReplayStore.Use use = replays.record(replayKey(set.jti()), set.issuedAt().plus(remember));
      if (use == ReplayStore.Use.FULL) {
        throw new StoreUnavailableException("the SET replay store is full");
      }
      if (use == ReplayStore.Use.REPLAYED) {
        throw new SetRefusedException(SetError.INVALID_REQUEST, "jti seen before");
      }
      counters.accepted(result);
      return set.jti();
    } catch (SetRefusedException e) {
      counters.refused(e.error());
      throw e;
    } catch (StoreUnavailableException | ProviderUnavailableException e) {
      counters.countUnavailable();
      throw e;
    }
  }

  private static void revoke(RevocationStore store, Revocation revocation) {
    try {
      store.revoke(revocation);
    } catch (IllegalStateException e) {
      throw new StoreUnavailableException("the revocation store is full", e);
    }
  }

  /** Apart from DPoP's keys (a URI and a {@code jti}) even in one shared replay store. */
  private String replayKey(String jti) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("secevent\n" + transmitter + "\n" + jti).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
