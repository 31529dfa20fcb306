package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;
import static dev.gatehouse.demo.FilterSettingsHelp.put;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.verify.Decryption;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code --help} entries of the settings for tokens that are not plain signed JWTs: opaque
 * tokens sent to introspection, and encrypted ones opened with configured keys.
 */
final class IntrospectionSettingsHelp {

  private IntrospectionSettingsHelp() {}

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    put(
        e,
        ConfigKey.INTROSPECTION_ENDPOINT,
        "none",
        "RFC 7662 endpoint for tokens that are not JWTs; every other introspection key needs it.");
    put(
        e,
        ConfigKey.INTROSPECTION_CLIENT_ID,
        "none (required with an endpoint)",
        "This API's client id at the authorization server.");
    put(
        e,
        ConfigKey.INTROSPECTION_CLIENT_SECRET,
        "none (required with an endpoint)",
        "Its secret; never logged or printed.");
    put(
        e,
        ConfigKey.INTROSPECTION_CLIENT_AUTH,
        "client_secret_basic",
        "client_secret_basic (HTTP Basic) or client_secret_post (in the form body).");
    put(
        e,
        ConfigKey.INTROSPECTION_AUDIENCES,
        "none (not checked)",
        "When set, the response's aud must name one of these.");
    put(
        e,
        ConfigKey.INTROSPECTION_TIMEOUT,
        duration(IntrospectionConfig.DEFAULT_TIMEOUT),
        "Deadline of one introspection call, connect to last byte.");
    put(
        e,
        ConfigKey.INTROSPECTION_CACHE_DURATION,
        duration(IntrospectionConfig.DEFAULT_CACHE_DURATION),
        "Longest time an active result is reused (never past the token's exp).");
    put(
        e,
        ConfigKey.INTROSPECTION_NEGATIVE_CACHE_DURATION,
        duration(IntrospectionConfig.DEFAULT_NEGATIVE_CACHE_DURATION),
        "How long an inactive or refused result is reused; also the Retry-After on failure.");
    put(
        e,
        ConfigKey.INTROSPECTION_CACHE_MAX_ENTRIES,
        Integer.toString(IntrospectionConfig.DEFAULT_CACHE_MAX_ENTRIES),
        "How many introspection results are remembered.");
    put(
        e,
        ConfigKey.INTROSPECTION_JWTS,
        "false",
        "true: also introspect JWTs that passed their own checks (revoked JWTs stop soon).");
    put(
        e,
        ConfigKey.INTROSPECTION_JWT_CACHE_DURATION,
        duration(IntrospectionConfig.DEFAULT_JWT_CACHE_DURATION),
        "Longest time an answer about a JWT is reused (at most 5m).");
    put(
        e,
        ConfigKey.DECRYPTION_KEYSTORE,
        "none (encrypted tokens refused)",
        "PKCS#12 key store of the keys that open encrypted tokens; alias = kid.");
    put(
        e,
        ConfigKey.DECRYPTION_KEYSTORE_PASSWORD,
        "none (required with a key store)",
        "Its password; never logged or printed.");
    put(
        e,
        ConfigKey.DECRYPTION_KEYSTORE_ALIASES,
        "every private-key entry",
        "Only these entries, in this order.");
    put(
        e,
        ConfigKey.DECRYPTION_PEM_KEYS,
        "none",
        "kid=path of unencrypted PKCS#8 PEM private keys, RSA or EC.");
    put(
        e,
        ConfigKey.DECRYPTION_KEY_ALGORITHMS,
        String.join(",", Decryption.DEFAULT_KEY_ALGORITHMS),
        "JWE alg values accepted; RSA1_5 never.");
    put(
        e,
        ConfigKey.DECRYPTION_CONTENT_ALGORITHMS,
        String.join(",", Decryption.DEFAULT_CONTENT_ALGORITHMS),
        "JWE enc values accepted.");
    return e;
  }
}
