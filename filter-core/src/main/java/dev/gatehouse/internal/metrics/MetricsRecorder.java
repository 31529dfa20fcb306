package dev.gatehouse.internal.metrics;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;

/**
 * Where the filter's steps report what happened, one method per kind of event. Calls sit on the
 * request path, so an implementation must be cheap and must never throw: metrics never change a
 * decision. {@link GatehouseCounters} is the implementation the filter uses; {@link #NONE} is for
 * parts built without a filter around them.
 */
public interface MetricsRecorder {

  /** Records nothing. */
  MetricsRecorder NONE = new NoMetrics();

  /** A request with a valid token passed every check and was handed to the application. */
  void accepted();

  /** A request on a public path was handed on without a token. */
  void publicPath();

  /** A request was refused, by the filter or by the application downstream. */
  void rejected(Rejection reason);

  /** A request was answered 503 because its token cannot be checked now. */
  void unavailable(ProviderUnavailableException.Cause reason);

  /** A JWKS fetch brought a new key set. */
  void jwksFetched();

  /** A JWKS fetch got no answer, an error status, or a body that is not a key set. */
  void jwksFetchFailed();

  /** The discovery document was read and accepted. */
  void discoveryFetched();

  /** The discovery document could not be read or was not acceptable. */
  void discoveryFetchFailed();

  /** A JWT was found in the verified-token cache and still holds. */
  void tokenCacheHit();

  /** A JWT had to be verified in full. */
  void tokenCacheMiss();

  /** An introspection call said the token is active and usable here. */
  void introspectionActive();

  /** An introspection call answered, and the answer refuses the token (inactive, expired, ...). */
  void introspectionRefused();

  /** An introspection call failed: no answer, an error status, or an unusable body. */
  void introspectionFailed();

  /** An opaque token was answered from the introspection cache or an introspection in flight. */
  void introspectionCacheHit();

  /** An opaque token needed a new introspection call. */
  void introspectionCacheMiss();

  /**
   * A check could not reach the shared store and asked the node-local one instead ({@code
   * gatehouse.store.unavailable=node-local}).
   */
  void storeFallback(StoreCheck check);
}
