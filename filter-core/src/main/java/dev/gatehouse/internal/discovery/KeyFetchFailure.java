package dev.gatehouse.internal.discovery;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JWKS fetch that brought no usable key set, as the filter answers it: 503, logged, counted. */
final class KeyFetchFailure {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySource.class);

  private KeyFetchFailure() {}

  /**
   * Also for {@link ClassCastException}: jose4j's JWKS parser throws it for JSON of the wrong shape
   * ({@code "keys": "x"}), which is a provider failure like any unreadable body.
   */
  static ProviderUnavailableException of(
      Exception e, MetricsRecorder metrics, Duration retryAfter) {
    if (!(e instanceof IOException)) {
      metrics.jwksFetchFailed(); // the body was not a key set; HTTP failures count where they occur
    }
    LOG.warn(
        "gatehouse keys_unavailable: cannot fetch the JWKS ({})",
        e instanceof IOException ? e.toString() : e.getClass().getSimpleName());
    return new ProviderUnavailableException(Cause.KEYS_UNAVAILABLE, retryAfter, e);
  }
}
