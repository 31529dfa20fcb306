package dev.gatehouse.discovery;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.metrics.MetricsRecorder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys from a JWKS URL, held by jose4j's {@link HttpsJwks}: it honours {@code Cache-Control} and
 * refreshes an expired set on one thread while the others keep using the old one.
 *
 * <p>This class adds what jose4j lacks for a server. The first fetch is single-flight. A set that
 * cannot be refreshed keeps deciding, with a retry every cooldown, until it is older than its
 * lifetime plus the retention time. A token naming an unknown {@code kid} waits, up to {@link
 * #UNKNOWN_KID_WAIT}, for one single-flight fetch, so a key the provider has just rotated in passes
 * on its first token, however recently the set was fetched (providers such as Keycloak serve their
 * JWKS with {@code no-cache}). Those fetches are limited to {@code
 * gatehouse.jwks.unknown-kid-fetches-per-minute} in any 60 seconds, and none happens within a
 * cooldown of a failed request ({@link UnknownKidFetches}). So whatever the request rate, the provider sees at
 * most that many JWKS requests per minute beyond the ones its own {@code Cache-Control} asks for.
 */
public final class RemoteKeySource implements KeySource {

  /**
   * How long a request with an unknown {@code kid} waits for the fetch another request has started
   * (or for its own turn) before it is answered 503: long enough for a provider that answers, short
   * enough that a hanging one does not hold request threads for the full HTTP timeouts.
   */
  static final Duration UNKNOWN_KID_WAIT = Duration.ofSeconds(2);

  /** The {@code Retry-After} for a request that gave up waiting for a fetch in progress. */
  private static final Duration RETRY_AFTER_WAIT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySource.class);

  private final Supplier<URI> location;
  private final BoundedHttpGet http;
  private final GatehouseConfig config;
  private final long cooldownNanos;
  private final MetricsRecorder metrics;
  private final LongSupplier ticker;
  /** {@link UnknownKidFetches#mayFetch} guarded by {@link #lock}. */
  private final UnknownKidFetches unknownKidFetches;
  /** The last key set counted as fetched: jose4j builds a new list for each successful fetch. */
  private final AtomicReference<List<JsonWebKey>> counted = new AtomicReference<>();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile HttpsJwks jwks;
  private volatile boolean loaded;
  private volatile boolean failed;
  private volatile long failedAtNanos;
  private volatile List<JsonWebKey> freshList;
  private volatile long freshAtNanos;
  private volatile long freshLifetimeNanos;

  private RemoteKeySource(
      Supplier<URI> location, GatehouseConfig config, MetricsRecorder metrics, LongSupplier ticker) {
    this.location = location;
    this.ticker = ticker;
    this.config = config;
    this.cooldownNanos = config.keyRefreshCooldown().toNanos();
    this.metrics = metrics;
    this.unknownKidFetches =
        new UnknownKidFetches(config.unknownKidFetchesPerMinute(), cooldownNanos);
    this.http =
        new BoundedHttpGet(
            config,
            () -> {
              unknownKidFetches.failed(ticker.getAsLong());
              metrics.jwksFetchFailed();
            });
  }

  /** Keys from the configured JWKS URL, or from the one the issuer's discovery document names. */
  public static KeySource create(GatehouseConfig config) {
    return create(config, MetricsRecorder.NONE);
  }

  /** The same, counting JWKS and discovery fetches. */
  public static KeySource create(GatehouseConfig config, MetricsRecorder metrics) {
    return create(config, metrics, System::nanoTime);
  }

  /** The same, reading time from {@code ticker} ({@link System#nanoTime()} semantics); for tests. */
  static KeySource create(GatehouseConfig config, MetricsRecorder metrics, LongSupplier ticker) {
    if (config.jwksUri().isPresent()) {
      URI fixed = config.jwksUri().get();
      return new RemoteKeySource(() -> fixed, config, metrics, ticker);
    }
    ProviderDiscovery discovery = ProviderDiscovery.create(config, metrics);
    return new RemoteKeySource(discovery::jwksUri, config, metrics, ticker);
  }

  @Override
  public List<JsonWebKey> keys() {
    HttpsJwks set = jwks();
    if (!loaded) {
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
    failed = false;
    long now = ticker.getAsLong();
    observe(current, now);
    if (now - freshAtNanos > freshLifetimeNanos + config.keyRetention().toNanos()) {
      throw new ProviderUnavailableException(
          Cause.KEYS_UNAVAILABLE, config.keyRefreshCooldown(), null);
    }
    return current;
  }

  @Override
  public boolean refreshUnknownKey(List<JsonWebKey> seen) {
    HttpsJwks set = jwks();
    awaitTurn();
    try {
      List<JsonWebKey> current = set.getJsonWebKeys();
      if (current != seen) {
        return true; // another thread fetched while this one waited
      }
      if (!unknownKidFetches.mayFetch(ticker.getAsLong())) {
        return false;
      }
      set.refresh();
      unknownKidFetches.succeeded();
      observe(set.getJsonWebKeys(), ticker.getAsLong());
      return true;
    } catch (IOException | JoseException | ClassCastException e) {
      unknownKidFetches.failed(ticker.getAsLong());
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the lock within {@link #UNKNOWN_KID_WAIT}, or refuses with a 503: the fetch in progress
   * has not answered in time, and a new key cannot be told from a forged one without it.
   */
  private void awaitTurn() {
    try {
      if (lock.tryLock(UNKNOWN_KID_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProviderUnavailableException(Cause.KEYS_UNAVAILABLE, RETRY_AFTER_WAIT, null);
  }

  /** jose4j builds a new list on every successful fetch and keeps the same one through failures. */
  private void observe(List<JsonWebKey> current, long now) {
    if (current != freshList) {
      long lifetime = http.lastLifetimeSeconds();
      freshLifetimeNanos =
          (lifetime >= 0 ? Duration.ofSeconds(lifetime) : config.keyCacheDuration()).toNanos();
      freshAtNanos = now;
      freshList = current;
      if (counted.getAndSet(current) != current) {
        metrics.jwksFetched(); // once per new set, however many threads observe it at once
      }
    }
  }

  private HttpsJwks jwks() {
    HttpsJwks existing = jwks;
    if (existing != null) {
      return existing;
    }
    URI uri = location.get();
    lock.lock();
    try {
      if (jwks == null) {
        HttpsJwks created = new HttpsJwks(uri.toString());
        created.setSimpleHttpGet(http);
        created.setDefaultCacheDuration(config.keyCacheDuration().toSeconds());
        // On a failed refresh jose4j keeps the old set this long before trying again; our own
        // limit on the age of that set is applied in keys().
        created.setRetainCacheOnErrorDuration(config.keyRefreshCooldown().toSeconds());
        // Our cooldown decides when an unknown kid may cause a fetch, so jose4j must not skip it.
        created.setRefreshReprieveThreshold(0);
        jwks = created;
      }
      return jwks;
    } finally {
      lock.unlock();
    }
  }

  private void firstLoad(HttpsJwks set) {
    lock.lock();
    try {
      if (loaded) {
        return;
      }
      throwIfBackingOff();
      set.refresh();
      observe(set.getJsonWebKeys(), ticker.getAsLong());
      loaded = true;
      failed = false;
    } catch (IOException | JoseException | ClassCastException e) {
      markFailed();
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /** After a fetch that left no usable keys, the provider is not asked again before the cooldown. */
  private void throwIfBackingOff() {
    if (failed) {
      long waited = ticker.getAsLong() - failedAtNanos;
      if (waited < cooldownNanos) {
        throw new ProviderUnavailableException(
            Cause.KEYS_UNAVAILABLE, Duration.ofNanos(cooldownNanos - waited), null);
      }
    }
  }

  private void markFailed() {
    failedAtNanos = ticker.getAsLong();
    failed = true;
  }

  /**
   * Also for {@link ClassCastException}: jose4j's JWKS parser throws it for JSON of the wrong shape
   * ({@code "keys": "x"}), which is a provider failure like any unreadable body.
   */
  private ProviderUnavailableException failure(Exception e) {
    if (!(e instanceof IOException)) {
      metrics.jwksFetchFailed(); // the body was not a key set; HTTP failures count where they occur
    }
    LOG.warn(
        "gatehouse keys_unavailable: cannot fetch the JWKS ({})",
        e instanceof IOException ? e.toString() : e.getClass().getSimpleName());
    return new ProviderUnavailableException(
        Cause.KEYS_UNAVAILABLE, config.keyRefreshCooldown(), e);
  }
}
