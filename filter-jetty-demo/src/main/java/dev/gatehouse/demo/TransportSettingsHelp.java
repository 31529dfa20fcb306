package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;
import static dev.gatehouse.demo.FilterSettingsHelp.put;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.verify.TokenCachePolicy;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code --help} entries of the settings for the calls to the provider and what they leave
 * behind: timeouts and limits, the key and token caches, and the counters of both.
 */
final class TransportSettingsHelp {

  private TransportSettingsHelp() {}

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    put(
        e,
        ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP,
        "false (true offline)",
        "Allow plain http provider URLs on localhost, 127.x.x.x and [::1] only; names are never"
            + " resolved for this check.");
    put(
        e,
        ConfigKey.CONNECT_TIMEOUT,
        duration(OutboundLimits.DEFAULT_CONNECT_TIMEOUT),
        "Connect timeout for discovery and JWKS requests.");
    put(
        e,
        ConfigKey.READ_TIMEOUT,
        duration(OutboundLimits.DEFAULT_READ_TIMEOUT),
        "Read timeout for discovery and JWKS requests.");
    put(
        e,
        ConfigKey.HTTP_DEADLINE,
        duration(OutboundLimits.DEFAULT_DEADLINE),
        "Whole discovery or JWKS exchange, connect to last byte; redirects are never followed.");
    put(
        e,
        ConfigKey.MAX_RESPONSE_BYTES,
        Integer.toString(OutboundLimits.DEFAULT_MAX_RESPONSE_BYTES),
        "Largest discovery, JWKS or introspection response read.");
    put(
        e,
        ConfigKey.METRICS_JMX,
        "true",
        "Publish the filter's counters as the MBean dev.gatehouse:type=GatehouseFilter,name=<filter>.");
    put(
        e,
        ConfigKey.METRICS_MICROMETER,
        "true",
        "Also register the counters as gatehouse.* meters when Micrometer is on the classpath.");
    put(
        e,
        ConfigKey.KEY_CACHE_DURATION,
        duration(KeyPolicy.DEFAULTS.cacheDuration()),
        "How long keys are kept when the JWKS response has no Cache-Control.");
    put(
        e,
        ConfigKey.KEY_REFRESH_COOLDOWN,
        duration(KeyPolicy.DEFAULTS.refreshCooldown()),
        "Least time before a failed JWKS fetch or discovery is retried; also the shortest key"
            + " cache lifetime and the Retry-After of a 503.");
    put(
        e,
        ConfigKey.KEY_RETENTION,
        duration(KeyPolicy.DEFAULTS.retention()),
        "How long the last good keys keep working while the JWKS endpoint fails.");
    put(
        e,
        ConfigKey.UNKNOWN_KID_FETCHES,
        Integer.toString(KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute()),
        "At most this many JWKS fetches in any 60 s for tokens naming an unknown kid (1 to 60);"
            + " a request with a new kid waits up to 2 s for one.");
    put(
        e,
        ConfigKey.TOKEN_CACHE_MAX_ENTRIES,
        Integer.toString(TokenCachePolicy.DEFAULTS.maxEntries()),
        "How many verified tokens are remembered (0 turns the cache off).");
    put(
        e,
        ConfigKey.TOKEN_CACHE_MAX_BYTES,
        Long.toString(TokenCachePolicy.DEFAULTS.maxBytes()),
        "Estimated memory the verified-token cache may use.");
    return e;
  }
}
