package dev.gatehouse.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The token cannot be checked right now: discovery or keys could not be had and no cached keys can
 * decide. Answered with 503 and {@code Retry-After}; never a pass.
 */
public final class ProviderUnavailableException extends RuntimeException {

  /** Stable codes for logs and metrics. */
  public enum Cause {
    DISCOVERY_FAILED,
    DISCOVERY_ISSUER_MISMATCH,
    DISCOVERY_INVALID,
    KEYS_UNAVAILABLE,
    /** The RFC 7662 introspection endpoint failed, timed out or answered something unusable. */
    INTROSPECTION_FAILED,
    /** An application-supplied store (client registry, revocation list) cannot be asked. */
    STORE_UNAVAILABLE,
    /**
     * The DPoP replay store is full, so whether a proof was used before cannot be told now; the
     * client may send a new proof shortly, when older entries have expired.
     */
    DPOP_REPLAY_STORE_FULL
  }

  private final Cause cause;
  private final Duration retryAfter;

  public ProviderUnavailableException(
      Cause cause, Duration retryAfter, @Nullable Throwable detail) {
    super(cause.name().toLowerCase(java.util.Locale.ROOT), detail);
    this.cause = cause;
    this.retryAfter = retryAfter;
  }

  public Cause reason() {
    return cause;
  }

  /** When it is worth asking again; the provider is not contacted before then. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
