package dev.gatehouse.internal.discovery;

import dev.gatehouse.discovery.KeyPolicy;
import java.net.URI;
import org.jose4j.jwk.HttpsJwks;

/** jose4j's JWKS cache, set up for {@link RemoteKeySource}, which adds the limits it lacks. */
final class JwksCache {

  private JwksCache() {}

  static HttpsJwks create(URI uri, BoundedHttpGet http, KeyPolicy keys) {
    HttpsJwks created = new HttpsJwks(uri.toString());
    created.setSimpleHttpGet(http);
    created.setDefaultCacheDuration(keys.cacheDuration().toSeconds());
    // On a failed refresh jose4j keeps the old set this long before trying again; our own limit
    // on the age of that set is applied in RemoteKeySource.keys().
    created.setRetainCacheOnErrorDuration(keys.refreshCooldown().toSeconds());
    // Our cooldown decides when an unknown kid may cause a fetch, so jose4j must not skip it.
    created.setRefreshReprieveThreshold(0);
    return created;
  }
}
