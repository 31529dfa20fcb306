package dev.gatehouse.discovery;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jose4j.http.SimpleGet;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys from a JWKS URL, held by jose4j's {@link HttpsJwks}: it honours {@code Cache-Control},
 * refreshes an expired set on one thread while the others keep using the old one, and keeps the
 * last good set through failures for the retention time. This class adds what jose4j lacks for a
 * server: the first fetch is single-flight, a failed fetch is not retried before the cooldown, and
 * fetches caused by unknown {@code kid}s are limited to one per cooldown.
 */
public final class RemoteKeySource implements KeySource {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySource.class);

  private final Supplier<URI> location;
  private final SimpleGet http;
  private final GatehouseConfig config;
  private final long cooldownNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile HttpsJwks jwks;
  private volatile boolean loaded;
  private volatile long failedAtNanos;
  private volatile boolean failed;
  private long lastForcedRefreshNanos;
  private boolean forcedBefore;

  private RemoteKeySource(Supplier<URI> location, SimpleGet http, GatehouseConfig config) {
    this.location = location;
    this.http = http;
    this.config = config;
    this.cooldownNanos = config.keyRefreshCooldown().toNanos();
  }

  /** Keys from the configured JWKS URL, or from the one the issuer's discovery document names. */
  public static KeySource create(GatehouseConfig config) {
    SimpleGet http = new BoundedHttpGet(config);
    Supplier<URI> location;
    if (config.jwksUri().isPresent()) {
      URI fixed = config.jwksUri().get();
      location = () -> fixed;
    } else {
      ProviderDiscovery discovery =
          new ProviderDiscovery(
              config.issuer(), http, config.insecureLoopbackHttp(), config.keyRefreshCooldown());
      location = discovery::jwksUri;
    }
    return new RemoteKeySource(location, http, config);
  }

  @Override
  public List<JsonWebKey> keys() {
    HttpsJwks set = jwks();
    if (!loaded) {
      firstLoad(set);
    }
    throwIfBackingOff();
    try {
      List<JsonWebKey> current = set.getJsonWebKeys();
      failed = false;
      return current;
    } catch (IOException | JoseException | ClassCastException e) {
      markFailed();
      throw failure(e);
    }
  }

  @Override
  public boolean refreshUnknownKey(List<JsonWebKey> seen) {
    HttpsJwks set = jwks();
    lock.lock();
    try {
      List<JsonWebKey> current = set.getJsonWebKeys();
      if (current != seen) {
        return true; // another thread refreshed while this one waited
      }
      long now = System.nanoTime();
      if (forcedBefore && now - lastForcedRefreshNanos < cooldownNanos) {
        return false;
      }
      forcedBefore = true;
      lastForcedRefreshNanos = now;
      set.refresh();
      return true;
    } catch (IOException | JoseException | ClassCastException e) {
      throw failure(e);
    } finally {
      lock.unlock();
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
        created.setRetainCacheOnErrorDuration(config.keyRetention().toSeconds());
        // Our own cooldown decides when an unknown kid may trigger a fetch.
        created.setRefreshReprieveThreshold(config.keyRefreshCooldown().toMillis());
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
      loaded = true;
      failed = false;
    } catch (IOException | JoseException | ClassCastException e) {
      markFailed();
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  private void throwIfBackingOff() {
    if (failed) {
      long waited = System.nanoTime() - failedAtNanos;
      if (waited < cooldownNanos) {
        throw new ProviderUnavailableException(
            Cause.KEYS_UNAVAILABLE, Duration.ofNanos(cooldownNanos - waited), null);
      }
    }
  }

  /** Only fetches that leave us without usable keys back off; a failed kid refresh does not. */
  private void markFailed() {
    failedAtNanos = System.nanoTime();
    failed = true;
  }

  /**
   * Also for {@link ClassCastException}: jose4j's JWKS parser throws it for JSON of the wrong shape
   * ({@code "keys": "x"}), which is a provider failure like any unreadable body.
   */
  private ProviderUnavailableException failure(Exception e) {
    LOG.warn("gatehouse keys_unavailable: cannot fetch the JWKS ({})",
        e instanceof IOException ? e.toString() : e.getClass().getSimpleName());
    return new ProviderUnavailableException(
        Cause.KEYS_UNAVAILABLE, config.keyRefreshCooldown(), e);
  }
}
