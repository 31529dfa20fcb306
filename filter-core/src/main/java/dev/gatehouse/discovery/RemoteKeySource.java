package dev.gatehouse.discovery;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.metrics.MetricsRecorder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
 * lifetime plus the retention time. Fetches caused by unknown {@code kid}s happen at most once per
 * cooldown, counted from the last request of any kind, failed or not. A failed first fetch is not retried before the
 * cooldown either. So whatever the request rate, the provider sees at most one JWKS request per
 * cooldown beyond the ones its own {@code Cache-Control} asks for.
 */
public final class RemoteKeySource implements KeySource {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySource.class);

  private final Supplier<URI> location;
  private final BoundedHttpGet http;
  private final GatehouseConfig config;
  private final long cooldownNanos;
  private final MetricsRecorder metrics;
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
      Supplier<URI> location, GatehouseConfig config, MetricsRecorder metrics) {
    this.location = location;
    this.http = new BoundedHttpGet(config, metrics::jwksFetchFailed);
    this.config = config;
    this.cooldownNanos = config.keyRefreshCooldown().toNanos();
    this.metrics = metrics;
  }

  /** Keys from the configured JWKS URL, or from the one the issuer's discovery document names. */
  public static KeySource create(GatehouseConfig config) {
    return create(config, MetricsRecorder.NONE);
  }

  /** The same, counting JWKS and discovery fetches. */
  public static KeySource create(GatehouseConfig config, MetricsRecorder metrics) {
    if (config.jwksUri().isPresent()) {
      URI fixed = config.jwksUri().get();
      return new RemoteKeySource(() -> fixed, config, metrics);
    }
    ProviderDiscovery discovery = ProviderDiscovery.create(config, metrics);
    return new RemoteKeySource(discovery::jwksUri, config, metrics);
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
    long now = System.nanoTime();
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
    lock.lock();
    try {
      List<JsonWebKey> current = set.getJsonWebKeys();
      if (current != seen) {
        return true; // another thread fetched while this one waited
      }
      long now = System.nanoTime();
      if (now - http.lastAttemptNanos() < cooldownNanos) {
        return false; // the provider was asked (successfully or not) within the cooldown
      }
      set.refresh();
      observe(set.getJsonWebKeys(), System.nanoTime());
      return true;
    } catch (IOException | JoseException | ClassCastException e) {
      throw failure(e);
    } finally {
      lock.unlock();
    }
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
      observe(set.getJsonWebKeys(), System.nanoTime());
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
      long waited = System.nanoTime() - failedAtNanos;
      if (waited < cooldownNanos) {
        throw new ProviderUnavailableException(
            Cause.KEYS_UNAVAILABLE, Duration.ofNanos(cooldownNanos - waited), null);
      }
    }
  }

  private void markFailed() {
    failedAtNanos = System.nanoTime();
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
