package dev.gatehouse.internal.metrics;

import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one filter. Recording is a {@link LongAdder} increment, picked by a field or by
 * the ordinal of a fixed enum, so the request path neither allocates nor looks anything up by name,
 * and the number of series is fixed: nothing from a token can add one.
 */
public final class GatehouseCounters implements MetricsRecorder {

  public static final String REQUESTS = "gatehouse.requests";
  public static final String JWKS_FETCHES = "gatehouse.jwks.fetches";
  public static final String DISCOVERY_FETCHES = "gatehouse.discovery.fetches";
  public static final String TOKEN_CACHE = "gatehouse.token.cache";
  public static final String INTROSPECTION_CALLS = "gatehouse.introspection.calls";
  public static final String INTROSPECTION_CACHE = "gatehouse.introspection.cache";
  public static final String STORE_FALLBACKS = "gatehouse.store.fallbacks";

  private static final Rejection[] REJECTIONS = Rejection.values();
  private static final Cause[] CAUSES = Cause.values();
  private static final StoreCheck[] STORE_CHECKS = StoreCheck.values();

  private final LongAdder accepted = new LongAdder();
  private final LongAdder publicPaths = new LongAdder();
  private final LongAdder[] rejected = adders(REJECTIONS.length);
  private final LongAdder[] unavailable = adders(CAUSES.length);
  private final LongAdder jwksFetched = new LongAdder();
  private final LongAdder jwksFailed = new LongAdder();
  private final LongAdder discoveryFetched = new LongAdder();
  private final LongAdder discoveryFailed = new LongAdder();
  private final LongAdder tokenCacheHits = new LongAdder();
  private final LongAdder tokenCacheMisses = new LongAdder();
  private final LongAdder introspectionActive = new LongAdder();
  private final LongAdder introspectionRefused = new LongAdder();
  private final LongAdder introspectionFailed = new LongAdder();
  private final LongAdder introspectionCacheHits = new LongAdder();
  private final LongAdder introspectionCacheMisses = new LongAdder();
  private final LongAdder[] storeFallbacks = adders(STORE_CHECKS.length);
  private final List<CounterSeries> series = List.copyOf(describe());

  @Override
  public void accepted() {
    accepted.increment();
  }

  @Override
  public void publicPath() {
    publicPaths.increment();
  }

  @Override
  public void rejected(Rejection reason) {
    rejected[reason.ordinal()].increment();
  }

  @Override
  public void unavailable(Cause reason) {
    unavailable[reason.ordinal()].increment();
  }

  @Override
  public void jwksFetched() {
    jwksFetched.increment();
  }

  @Override
  public void jwksFetchFailed() {
    jwksFailed.increment();
  }

  @Override
  public void discoveryFetched() {
    discoveryFetched.increment();
  }

  @Override
  public void discoveryFetchFailed() {
    discoveryFailed.increment();
  }

  @Override
  public void tokenCacheHit() {
    tokenCacheHits.increment();
  }

  @Override
  public void tokenCacheMiss() {
    tokenCacheMisses.increment();
  }

  @Override
  public void introspectionActive() {
    introspectionActive.increment();
  }

  @Override
  public void introspectionRefused() {
    introspectionRefused.increment();
  }

  @Override
  public void introspectionFailed() {
    introspectionFailed.increment();
  }

  @Override
  public void introspectionCacheHit() {
    introspectionCacheHits.increment();
  }

  @Override
  public void introspectionCacheMiss() {
    introspectionCacheMisses.increment();
  }

  @Override
  public void storeFallback(StoreCheck check) {
    storeFallbacks[check.ordinal()].increment();
  }

  /** Every counter, zeros included, in a fixed order: what exporters read. */
  List<CounterSeries> series() {
    return series;
  }

  private List<CounterSeries> describe() {
    List<CounterSeries> all = new ArrayList<>();
    String requests =
        "Requests by outcome: accepted (valid token), public (no token needed), rejected or"
            + " unavailable (503), with the reason code of a refusal";
    all.add(requestSeries(requests, "accepted", CounterSeries.NO_VALUE, accepted));
    all.add(requestSeries(requests, "public", CounterSeries.NO_VALUE, publicPaths));
    for (Rejection r : REJECTIONS) {
      all.add(requestSeries(requests, "rejected", r.reasonCode(), rejected[r.ordinal()]));
    }
    for (Cause c : CAUSES) {
      String code = c.name().toLowerCase(Locale.ROOT);
      all.add(requestSeries(requests, "unavailable", code, unavailable[c.ordinal()]));
    }
    String jwks = "JWKS fetches: ok brought a new key set; failed got no usable answer";
    all.add(series(JWKS_FETCHES, jwks, "outcome", "ok", jwksFetched));
    all.add(series(JWKS_FETCHES, jwks, "outcome", "failed", jwksFailed));
    String discovery = "OpenID discovery document fetches: ok or failed";
    all.add(series(DISCOVERY_FETCHES, discovery, "outcome", "ok", discoveryFetched));
    all.add(series(DISCOVERY_FETCHES, discovery, "outcome", "failed", discoveryFailed));
    String cache = "Verified-JWT cache lookups: hit (signature not checked again) or miss";
    all.add(series(TOKEN_CACHE, cache, "result", "hit", tokenCacheHits));
    all.add(series(TOKEN_CACHE, cache, "result", "miss", tokenCacheMisses));
    String calls =
        "RFC 7662 introspection calls: active, refused (inactive or unusable here), failed";
    all.add(series(INTROSPECTION_CALLS, calls, "outcome", "active", introspectionActive));
    all.add(series(INTROSPECTION_CALLS, calls, "outcome", "refused", introspectionRefused));
    all.add(series(INTROSPECTION_CALLS, calls, "outcome", "failed", introspectionFailed));
    String opaque = "Opaque-token lookups: hit (no new introspection call) or miss";
    all.add(series(INTROSPECTION_CACHE, opaque, "result", "hit", introspectionCacheHits));
    all.add(series(INTROSPECTION_CACHE, opaque, "result", "miss", introspectionCacheMisses));
    String fallbacks =
        "Checks that could not reach the shared store and asked the node-local one"
            + " (gatehouse.store.unavailable=node-local), by check";
    for (StoreCheck c : STORE_CHECKS) {
      String check = c.name().toLowerCase(Locale.ROOT);
      all.add(series(STORE_FALLBACKS, fallbacks, "check", check, storeFallbacks[c.ordinal()]));
    }
    return all;
  }

  private static CounterSeries requestSeries(
      String description, String outcome, String reason, LongAdder count) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("outcome", outcome);
    tags.put("reason", reason);
    return new CounterSeries(REQUESTS, description, Collections.unmodifiableMap(tags), count);
  }

  private static CounterSeries series(
      String name, String description, String tag, String value, LongAdder count) {
    return new CounterSeries(name, description, Map.of(tag, value), count);
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }
}
