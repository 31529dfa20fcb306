package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;
import static dev.gatehouse.demo.FilterSettingsHelp.put;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.signals.SignalsConfig;
import java.util.EnumMap;
import java.util.Map;

/** The {@code --help} entries of the Shared Signals receiver ({@code SetReceiverServlet}). */
final class SignalsSettingsHelp {

  private SignalsSettingsHelp() {}

  static boolean isSignals(ConfigKey key) {
    return key.property().startsWith("gatehouse.signals.");
  }

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    put(e, ConfigKey.SIGNALS_TRANSMITTER_ISSUER, "none (required)", "The transmitter's iss.");
    put(
        e,
        ConfigKey.SIGNALS_JWKS_URI,
        "jwks_uri of the transmitter's /.well-known/ssf-configuration",
        "The transmitter's JWKS: the only keys a SET is checked with.");
    put(
        e,
        ConfigKey.SIGNALS_AUDIENCE,
        "none (required)",
        "What a SET's aud must contain: this receiver.");
    put(
        e,
        ConfigKey.SIGNALS_TOKEN_ISSUER,
        "none (required)",
        "The iss of the access tokens the events revoke.");
    put(
        e,
        ConfigKey.SIGNALS_ALGORITHMS,
        String.join(",", SignalsConfig.DEFAULT_ALGORITHMS),
        "JWS algorithms accepted; asymmetric only.");
    put(
        e,
        ConfigKey.SIGNALS_ACCEPT_PLAIN_JWT,
        "false",
        "Also accept typ JWT or no typ (transmitters older than secevent+jwt).");
    put(
        e,
        ConfigKey.SIGNALS_MAX_AGE,
        duration(SignalsConfig.DEFAULT_MAX_AGE),
        "How old a SET's iat may be; also how long its jti is remembered.");
    put(
        e,
        ConfigKey.SIGNALS_MAX_TOKEN_LIFETIME,
        duration(SignalsConfig.DEFAULT_MAX_TOKEN_LIFETIME),
        "Longest access-token lifetime: how long a revocation is kept after its event.");
    put(
        e,
        ConfigKey.SIGNALS_EMAIL_IS_SUBJECT,
        "false",
        "Whether an email subject identifier is the tokens' sub.");
    put(
        e,
        ConfigKey.SIGNALS_MAX_BODY_BYTES,
        Integer.toString(SignalsConfig.DEFAULT_MAX_BODY_BYTES),
        "Largest pushed SET read; a longer body is answered 413.");
    put(
        e,
        ConfigKey.SIGNALS_PUSH_SECRET,
        "none",
        "Bearer secret a pushing transmitter sends; never logged or printed.");
    put(
        e,
        ConfigKey.SIGNALS_PUSH_CLIENT_CERTIFICATES,
        "none",
        "SHA-256 thumbprints of the client certificates a pushing transmitter may use.");
    put(
        e,
        ConfigKey.SIGNALS_POLL_ENDPOINT,
        "none (no polling)",
        "The transmitter's RFC 8936 polling endpoint.");
    put(
        e,
        ConfigKey.SIGNALS_POLL_SECRET,
        "none (required with an endpoint)",
        "Bearer credential of each poll; never logged or printed.");
    put(
        e,
        ConfigKey.SIGNALS_POLL_MAX_EVENTS,
        Integer.toString(SignalsConfig.DEFAULT_POLL_MAX_EVENTS),
        "maxEvents of each poll.");
    put(
        e,
        ConfigKey.SIGNALS_POLL_INTERVAL,
        duration(SignalsConfig.DEFAULT_POLL_INTERVAL),
        "Pause between polls; failures double it, up to 15 minutes.");
    return e;
  }
}
