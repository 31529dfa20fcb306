package dev.gatehouse.internal.metrics;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;

/** {@link MetricsRecorder#NONE}: for parts built without a filter around them, such as in tests. */
final class NoMetrics implements MetricsRecorder {

  @Override
  public void accepted() {}

  @Override
  public void publicPath() {}

  @Override
  public void rejected(Rejection reason) {}

  @Override
  public void unavailable(ProviderUnavailableException.Cause reason) {}

  @Override
  public void jwksFetched() {}

  @Override
  public void jwksFetchFailed() {}

  @Override
  public void discoveryFetched() {}

  @Override
  public void discoveryFetchFailed() {}

  @Override
  public void tokenCacheHit() {}

  @Override
  public void tokenCacheMiss() {}

  @Override
  public void introspectionActive() {}

  @Override
  public void introspectionRefused() {}

  @Override
  public void introspectionFailed() {}

  @Override
  public void introspectionCacheHit() {}

  @Override
  public void introspectionCacheMiss() {}

  @Override
  public void storeFallback(StoreCheck check) {}
}
