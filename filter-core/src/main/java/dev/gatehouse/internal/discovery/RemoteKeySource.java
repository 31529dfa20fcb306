package dev.gatehouse.internal.discovery;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Keys from a JWKS URL, held by jose4j's {@link HttpsJwks}: it honours {@code Cache-Control} and
 * refreshes an expired set on one thread while the others keep using the old one.
 *
 * <p>This class adds what jose4j lacks for a server. The first fetch is single-flight. A set that
 * cannot be refreshed keeps deciding, with a retry every cooldown, until it is older than its
 * lifetime plus the retention time. A token naming an unknown {@code kid} waits, up to {@link
 * KeyFetchLock#UNKNOWN_KID_WAIT}, for one single-flight fetch, so a key the provider has just
 * rotated in passes on its first token, however recently the set was fetched (providers such as
 * Keycloak serve their JWKS with {@code no-cache}). Those fetches are limited to {@code
 * gatehouse.jwks.unknown-kid-fetches-per-minute} in any 60 seconds, and none happens within a
 * cooldown of a failed request ({@link UnknownKidFetches}). So whatever the request rate, the
 * provider sees at most that many JWKS requests per minute beyond the ones its own {@code
 * Cache-Control} asks for.
 */
public final class RemoteKeySource implements KeySource {

  private final Supplier<URI> location;
  private final BoundedHttpGet http;
  private final KeyPolicy policy;
  private final long cooldownNanos;
  private final MetricsRecorder metrics;
  private final Ticker ticker;

  /** {@link UnknownKidFetches#mayFetch} guarded by {@link #lock}. */
  private final UnknownKidFetches unknownKidFetches;

  /** The last key set counted as fetched: jose4j builds a new list for each successful fetch. */
  private final AtomicReference<List<JsonWebKey>> counted = new AtomicReference<>();

  private final AtomicReference<KeySetState> state = new AtomicReference<>(KeySetState.NONE);
  private final KeyFetchLock lock = new KeyFetchLock();

  private RemoteKeySource(
      Supplier<URI> location, ProviderSettings settings, MetricsRecorder metrics, Ticker ticker) {
    this.location = location;
    this.ticker = ticker;
    this.policy = settings.keys();
    this.cooldownNanos = policy.refreshCooldown().toNanos();
    this.metrics = metrics;
    this.unknownKidFetches =
        new UnknownKidFetches(policy.unknownKidFetchesPerMinute(), cooldownNanos);
    this.http =
        new BoundedHttpGet(
            settings.http(),
            policy,
            () -> {
              unknownKidFetches.failed(ticker.nanos());
              metrics.jwksFetchFailed();
            });
  }

  /** Keys from the configured JWKS URL, or from the one the issuer's discovery document names. */
  public static KeySource create(ProviderSettings settings, Clock clock) {
    return create(settings, clock, MetricsRecorder.NONE);
  }

  /** The same, counting JWKS and discovery fetches. */
  public static KeySource create(ProviderSettings settings, Clock clock, MetricsRecorder metrics) {
    return create(settings, metrics, Ticker.of(clock));
  }

  /**
   * Keys from the JWKS that {@code discovery} names (a Shared Signals transmitter's configuration),
   * or from {@code settings}' JWKS URL when it has one.
   */
  public static KeySource create(
      ProviderSettings settings, ProviderDiscovery discovery, Clock clock) {
    return create(settings, discovery, MetricsRecorder.NONE, Ticker.of(clock));
  }

  /** The same, reading elapsed time from {@code ticker}; for tests. */
  static KeySource create(ProviderSettings settings, MetricsRecorder metrics, Ticker ticker) {
    return create(settings, ProviderDiscovery.create(settings, metrics, ticker), metrics, ticker);
  }

  /**
   * Keys from the configured JWKS URL, or from the one {@code discovery} (the issuer's, shared with
   * whatever else reads it) names; nothing is fetched before the first use.
   */
  static KeySource create(
      ProviderSettings settings,
      ProviderDiscovery discovery,
      MetricsRecorder metrics,
      Ticker ticker) {
    if (settings.jwksUri().isPresent()) {
      URI fixed = settings.jwksUri().get();
      return new RemoteKeySource(() -> fixed, settings, metrics, ticker);
    }
    return new RemoteKeySource(discovery::jwksUri, settings, metrics, ticker);
  }

  @Override
  public List<JsonWebKey> keys() {
    HttpsJwks set = jwks();
    if (!snapshot().loaded()) {
      firstLoad(set);
    }
    throwIfBackingOff();
    List<JsonWebKey> current;
    try {
      current = set.getJsonWebKeys();
    } catch (IOException | JoseException | ClassCastException e) {
      // Only when no keys are cached: jose4j keeps a non-empty set through errors.
      markFailed();
      throw failure(e);
    }
    state.updateAndGet(KeySetState::succeeded);
    long now = ticker.nanos();
    KeySetState known = observe(current, now);
    if (known.staleBeyond(now, policy.retention().toNanos())) {
      throw new ProviderUnavailableException(
          Cause.KEYS_UNAVAILABLE, policy.refreshCooldown(), null);
    }
    return current;
  }

  @Override
  public boolean refreshUnknownKey(List<JsonWebKey> seen) {
    HttpsJwks set = jwks();
    lock.awaitUnknownKidTurn();
    try {
      List<JsonWebKey> current = set.getJsonWebKeys();
      if (current != seen) {
        return true; // another thread fetched while this one waited
      }
      if (!unknownKidFetches.mayFetch(ticker.nanos())) {
        return false;
      }
      set.refresh();
      unknownKidFetches.succeeded();
      observe(set.getJsonWebKeys(), ticker.nanos());
      return true;
    } catch (IOException | JoseException | ClassCastException e) {
      unknownKidFetches.failed(ticker.nanos());
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /** jose4j builds a new list on every successful fetch and keeps the same one through failures. */
  private KeySetState observe(List<JsonWebKey> current, long now) {
    KeySetState known = snapshot();
    if (current == known.fresh()) {
      return known;
    }
    long lifetime = http.lastLifetimeSeconds();
    long lifetimeNanos =
        (lifetime >= 0 ? Duration.ofSeconds(lifetime) : policy.cacheDuration()).toNanos();
    KeySetState updated =
        state.updateAndGet(s -> current == s.fresh() ? s : s.observed(current, now, lifetimeNanos));
    if (counted.getAndSet(current) != current) {
      metrics.jwksFetched(); // once per new set, however many threads observe it at once
    }
    return updated;
  }

  private HttpsJwks jwks() {
    HttpsJwks existing = snapshot().jwks();
    if (existing != null) {
      return existing;
    }
    URI uri = location.get();
    lock.lock();
    try {
      HttpsJwks known = snapshot().jwks();
      if (known != null) {
        return known;
      }
      HttpsJwks created = JwksCache.create(uri, http, policy);
      state.updateAndGet(s -> s.withJwks(created));
      return created;
    } finally {
      lock.unlock();
    }
  }

  private void firstLoad(HttpsJwks set) {
    lock.lock();
    try {
      if (snapshot().loaded()) {
        return;
      }
      throwIfBackingOff();
      set.refresh();
      observe(set.getJsonWebKeys(), ticker.nanos());
      state.updateAndGet(KeySetState::asLoaded);
    } catch (IOException | JoseException | ClassCastException e) {
      markFailed();
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a fetch that left no usable keys, the provider is not asked again before the cooldown.
   */
  private void throwIfBackingOff() {
    long left = snapshot().backoffLeft(ticker.nanos(), cooldownNanos);
    if (left > 0) {
      throw new ProviderUnavailableException(Cause.KEYS_UNAVAILABLE, Duration.ofNanos(left), null);
    }
  }

  private void markFailed() {
    long now = ticker.nanos();
    state.updateAndGet(s -> s.failedAt(now));
  }

  /** Never null: the reference starts at {@link KeySetState#NONE} and is only ever updated. */
  private KeySetState snapshot() {
    return Objects.requireNonNull(state.get());
  }

  private ProviderUnavailableException failure(Exception e) {
    return KeyFetchFailure.of(e, metrics, policy.refreshCooldown());
  }
}
