package dev.gatehouse.authz;

/**
 * The application's own record of the clients that may call it, asked on every request whose token
 * names a client ({@code azp}, else {@code client_id}). Apigee asks the same of an imported token:
 * its client must be known and not revoked.
 *
 * <p>Called on the request thread: keep it fast (cache what a database says). To answer 503 while
 * the registry cannot be reached, throw {@link dev.gatehouse.error.ProviderUnavailableException};
 * any other exception propagates to the container as a fault.
 */
@FunctionalInterface
public interface ClientRegistry {

  /** True when the client is known and allowed to use this API. */
  boolean isActive(String clientId);
}
