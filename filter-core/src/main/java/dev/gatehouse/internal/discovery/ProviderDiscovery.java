package dev.gatehouse.internal.discovery;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.outbound.IssuerNames;
import dev.gatehouse.internal.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jose4j.http.SimpleGet;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the provider's OpenID Connect Discovery document (or a Shared Signals transmitter's
 * configuration, which has the same {@code issuer} and {@code jwks_uri}) once, on first use, into
 * {@link ProviderMetadata}: its {@code jwks_uri} (required) and the login endpoints (optional). A
 * failure is remembered for the refresh cooldown, so a provider that is down is asked again at that
 * pace and no faster, whatever the request rate (as the configured clock tells, see {@link
 * Ticker}).
 */
public final class ProviderDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

  private final URI issuer;
  private final URI location;
  private final SimpleGet http;
  private final boolean insecureLoopbackHttp;
  private final Duration retryAfter;
  private final MetricsRecorder metrics;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable ProviderMetadata metadata;
  private long retryAtNanos;
  private @Nullable Cause lastFailure;

  /**
   * Discovery for {@code settings}' issuer with its limits: timeouts, response size, the loopback
   * {@code http} allowance, and the refresh cooldown as the pause after a failure. Nothing is
   * fetched before the first {@link #metadata()}.
   */
  public static ProviderDiscovery create(ProviderSettings settings, Clock clock) {
    return create(settings, clock, MetricsRecorder.NONE);
  }

  /** The same, counting each fetch of the document as it ends. */
  public static ProviderDiscovery create(
      ProviderSettings settings, Clock clock, MetricsRecorder metrics) {
    return create(settings, metrics, Ticker.of(clock));
  }

  /**
   * A Shared Signals transmitter's configuration ({@code /.well-known/ssf-configuration}), read
   * with the same rules: {@code issuer} must be {@code settings}' issuer exactly, {@code jwks_uri}
   * is required, a failure is remembered for the cooldown.
   */
  public static ProviderDiscovery sharedSignals(ProviderSettings settings, Clock clock) {
    return new ProviderDiscovery(
        settings.issuer(),
        IssuerNames.sharedSignalsConfiguration(settings.issuer()),
        new BoundedHttpGet(settings.http(), settings.keys()),
        settings.http().insecureLoopbackHttp(),
        settings.keys().refreshCooldown(),
        MetricsRecorder.NONE,
        Ticker.of(clock));
  }

  /** The same, reading elapsed time from {@code ticker}. */
  static ProviderDiscovery create(
      ProviderSettings settings, MetricsRecorder metrics, Ticker ticker) {
    return new ProviderDiscovery(
        settings.issuer(),
        IssuerNames.discoveryDocument(settings.issuer()),
        new BoundedHttpGet(settings.http(), settings.keys()),
        settings.http().insecureLoopbackHttp(),
        settings.keys().refreshCooldown(),
        metrics,
        ticker);
  }

  ProviderDiscovery(
      URI issuer,
      URI location,
      SimpleGet http,
      boolean insecureLoopbackHttp,
      Duration retryAfter,
      MetricsRecorder metrics,
      Ticker ticker) {
    this.issuer = issuer;
    this.location = location;
    this.http = http;
    this.insecureLoopbackHttp = insecureLoopbackHttp;
    this.retryAfter = retryAfter;
    this.metrics = metrics;
    this.ticker = ticker;
  }

  /**
   * @throws ProviderUnavailableException when the document cannot be had or is not acceptable
   */
  URI jwksUri() {
    return metadata().jwksUri();
  }

  /**
   * The document's metadata, fetched on the first call and kept for the life of this object.
   *
   * @throws ProviderUnavailableException when the document cannot be had or is not acceptable
   */
  public ProviderMetadata metadata() {
    ProviderMetadata known = metadata;
    if (known != null) {
      return known;
    }
    lock.lock();
    try {
      if (metadata != null) {
        return metadata;
      }
      long now = ticker.nanos();
      if (lastFailure != null && now - retryAtNanos < 0) {
        throw new ProviderUnavailableException(
            lastFailure, Duration.ofNanos(retryAtNanos - now), null);
      }
      try {
        metadata = fetch();
        lastFailure = null;
        metrics.discoveryFetched();
        return metadata;
      } catch (ProviderUnavailableException e) {
        metrics.discoveryFetchFailed();
        lastFailure = e.reason();
        retryAtNanos = now + retryAfter.toNanos();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private ProviderMetadata fetch() {
    Map<String, Object> document;
    try {
      document = JsonUtil.parseJson(http.get(location.toString()).getBody());
    } catch (IOException e) {
      LOG.warn("gatehouse discovery_failed: cannot read {} ({})", location, e.toString());
      throw unavailable(Cause.DISCOVERY_FAILED, e);
    } catch (JoseException | RuntimeException e) {
      LOG.warn("gatehouse discovery_invalid: {} is not a JSON object", location);
      throw unavailable(Cause.DISCOVERY_INVALID, null);
    }
    Object advertised = document.get("issuer");
    if (!issuer.toString().equals(advertised)) {
      // OpenID Connect Discovery 1.0 section 4.3: the document must name exactly our issuer.
      LOG.warn(
          "gatehouse discovery_issuer_mismatch: {} names issuer '{}', configured is '{}'",
          location,
          advertised,
          issuer);
      throw unavailable(Cause.DISCOVERY_ISSUER_MISMATCH, null);
    }
    Object jwks = document.get("jwks_uri");
    URI jwksUri;
    try {
      jwksUri = URI.create((String) jwks);
      IssuerNames.requireFetchable(jwksUri, insecureLoopbackHttp, "jwks_uri of " + location);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      LOG.warn(
          "gatehouse discovery_invalid: {} has no acceptable jwks_uri ({})",
          location,
          e instanceof IllegalArgumentException ? e.getMessage() : "missing");
      throw unavailable(Cause.DISCOVERY_INVALID, null);
    }
    return new ProviderMetadata(
        issuer,
        jwksUri,
        endpoint(document, "authorization_endpoint", location),
        endpoint(document, "token_endpoint", location),
        endpoint(document, "end_session_endpoint", location));
  }

  /**
   * An optional endpoint: absent when the document does not name it. One that is named but not
   * acceptable is left out too, with a warning, so that an API that only verifies tokens keeps
   * working; a login that needs it then reports it missing.
   */
  private Optional<URI> endpoint(Map<String, Object> document, String name, URI location) {
    Object value = document.get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create((String) value);
      IssuerNames.requireFetchable(uri, insecureLoopbackHttp, name + " of " + location);
      return Optional.of(uri);
    } catch (ClassCastException | IllegalArgumentException e) {
      LOG.warn(
          "gatehouse discovery_invalid: {} names an unacceptable {} ({})",
          location,
          name,
          e instanceof IllegalArgumentException ? e.getMessage() : "not a string");
      return Optional.empty();
    }
  }

  private ProviderUnavailableException unavailable(Cause cause, @Nullable Throwable detail) {
    return new ProviderUnavailableException(cause, retryAfter, detail);
  }
}
