package dev.gatehouse.internal.introspection;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.introspection.IntrospectionMapper.Outcome;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.internal.time.Ticker;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.internal.verify.TokenDigest;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Verifies tokens that are not JWTs by asking the authorization server (RFC 7662).
 *
 * <p>Results are cached under a SHA-256 digest of the token, never the token itself: an active
 * token until its {@code exp} or the configured maximum, whichever comes first; an inactive one
 * briefly. The cache is bounded in entries. Concurrent requests with the same token share one call
 * to the endpoint. Failures are not cached, and answer 503.
 */
public final class IntrospectionVerifier implements AccessTokenVerifier {

  private final IntrospectionClient client;
  private final IntrospectionMapper mapper;
  private final Clock clock;
  private final ClockSkew skew;
  private final AsyncCache<TokenDigest, Outcome> cache;
  private final MetricsRecorder metrics;
  private final @Nullable SharedAnswers shared;

  /**
   * @param scopeClaims the response fields merged into the token's scopes, as for JWTs
   * @param connectTimeout and {@code maxResponseBytes}: the limits used for every outbound request;
   *     plain http is allowed only to a loopback endpoint
   */
  public IntrospectionVerifier(
      IntrospectionConfig config,
      List<String> scopeClaims,
      Clock clock,
      Duration skew,
      Duration connectTimeout,
      int maxResponseBytes) {
    this(config, scopeClaims, clock, skew, connectTimeout, maxResponseBytes, MetricsRecorder.NONE);
  }

  /** The same, counting calls by outcome and cache hits. */
  public IntrospectionVerifier(
      IntrospectionConfig config,
      List<String> scopeClaims,
      Clock clock,
      Duration skew,
      Duration connectTimeout,
      int maxResponseBytes,
      MetricsRecorder metrics) {
    this(
        config,
        scopeClaims,
        clock,
        skew,
        new OutboundLimits(
            connectTimeout, config.timeout(), config.timeout(), maxResponseBytes, true),
        metrics,
        null);
  }

  /**
   * @param limits connect timeout, body limit and loopback allowance of the outbound call; its
   *     deadline is {@link IntrospectionConfig#timeout()}
   * @param answers shared with the other nodes and asked before the endpoint; null: this node's
   *     cache only
   */
  public IntrospectionVerifier(
      IntrospectionConfig config,
      List<String> scopeClaims,
      Clock clock,
      Duration skew,
      OutboundLimits limits,
      MetricsRecorder metrics,
      @Nullable IntrospectionStore answers) {
    this.metrics = metrics;
    this.mapper = new IntrospectionMapper(config, scopeClaims, clock, skew);
    this.shared =
        answers == null
            ? null
            : new SharedAnswers(
                answers,
                config.endpoint().toString(),
                mapper,
                clock,
                config.cacheDuration(),
                config.negativeCacheDuration());
    this.client = new IntrospectionClient(config, limits);
    this.clock = clock;
    this.skew = ClockSkew.of(skew);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(config.cacheMaxEntries())
            .ticker(Ticker.of(clock)::nanos)
            .expireAfter(
                new Lifetime(clock, config.cacheDuration(), config.negativeCacheDuration()))
            .buildAsync();
  }

  @Override
  public AccessToken verify(String token) {
    TokenDigest key = TokenDigest.of(token);
    boolean[] called = {false};
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    CompletableFuture<Outcome> pending =
        cache.get(
            key,
            (k, executor) -> {
              called[0] = true;
              return answer
                  .thenApply(mapper::outcome)
                  .exceptionally(IntrospectionVerifier::failed)
                  .whenComplete((outcome, unexpected) -> count(outcome));
            });
    if (called[0]) {
      metrics.introspectionCacheMiss();
      // The call runs here, on the thread that made the entry, outside the cache's locks, while
      // concurrent requests for the same token wait on the entry: one call, bounded by its
      // deadline.
      try {
        answer.complete(
            shared == null ? client.introspect(token) : shared.answer(token, client::introspect));
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      }
    } else {
      metrics.introspectionCacheHit();
    }
    Outcome outcome = await(pending);
    if (outcome.failure() != null) {
      throw unavailable(outcome.failure());
    }
    if (outcome.rejection() != null) {
      throw new BearerTokenException(outcome.rejection());
    }
    AccessToken verified = Objects.requireNonNull(outcome.token()); // neither failed nor refused
    if (skew.isExpired(verified.expiresAt(), clock.instant())) {
      cache.synchronous().invalidate(key);
      throw new BearerTokenException(Rejection.EXPIRED);
    }
    return verified;
  }

  /** Once per call, when it ends; a call shared by concurrent requests counts once. */
  private void count(Outcome outcome) {
    if (outcome == null || outcome.failure() != null) {
      metrics.introspectionFailed();
    } else if (outcome.rejection() != null) {
      metrics.introspectionRefused();
    } else {
      metrics.introspectionActive();
    }
  }

  /** Results currently remembered; for tests and metrics. */
  public long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  private static Outcome failed(Throwable failure) {
    return Outcome.failed(
        failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
  }

  private static ProviderUnavailableException unavailable(@Nullable Throwable failure) {
    return failure instanceof ProviderUnavailableException unavailable
        ? unavailable
        : new ProviderUnavailableException(
            Cause.INTROSPECTION_FAILED, Duration.ofSeconds(1), failure);
  }

  private static Outcome await(CompletableFuture<Outcome> pending) {
    try {
      return pending.get();
    } catch (ExecutionException e) {
      throw unavailable(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException(Cause.INTROSPECTION_FAILED, Duration.ofSeconds(1), e);
    }
  }

  /** Active: until {@code exp}, at most the maximum; inactive or refused: the negative duration. */
  private record Lifetime(Clock clock, Duration positive, Duration negative)
      implements Expiry<TokenDigest, Outcome> {

    @Override
    public long expireAfterCreate(TokenDigest key, Outcome value, long currentTime) {
      if (value.failure() != null) {
        return 0; // failures are not cached: the next request asks again
      }
      if (value.token() == null) {
        return negative.toNanos();
      }
      Duration left = Duration.between(clock.instant(), value.token().expiresAt());
      Duration life = left.compareTo(positive) < 0 ? left : positive;
      return Math.max(0, life.toNanos());
    }

    @Override
    public long expireAfterUpdate(
        TokenDigest key, Outcome value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(
        TokenDigest key, Outcome value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
