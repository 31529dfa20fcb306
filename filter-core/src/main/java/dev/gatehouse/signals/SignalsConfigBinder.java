package dev.gatehouse.signals;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.outbound.OutboundLimits;
import java.util.HashSet;
import java.util.Optional;

/**
 * Reads a {@link SignalsConfig} from {@code gatehouse.signals.*} settings (init-params,
 * MicroProfile Config, environment), and {@code gatehouse.allow-insecure-loopback-http} for tests
 * against a local transmitter. Secrets are best given as environment variables ({@code
 * GATEHOUSE_SIGNALS_PUSH_SECRET}, {@code GATEHOUSE_SIGNALS_POLL_SECRET}).
 */
public final class SignalsConfigBinder {

  private SignalsConfigBinder() {}

  /**
   * @throws IllegalArgumentException naming the setting that is missing or malformed
   */
  public static SignalsConfig bind(PropertyLookup lookup) {
    Settings s = new Settings(lookup);
    SignalsConfig.Builder b = SignalsConfig.builder();
    String transmitter = require(s, ConfigKey.SIGNALS_TRANSMITTER_ISSUER);
    Optional<String> jwksUri = s.value(ConfigKey.SIGNALS_JWKS_URI);
    if (jwksUri.isPresent()) {
      b.transmitter(transmitter, Settings.uri(jwksUri.get(), s.name(ConfigKey.SIGNALS_JWKS_URI)));
    } else {
      b.transmitter(transmitter);
    }
    b.audience(require(s, ConfigKey.SIGNALS_AUDIENCE));
    b.tokenIssuer(require(s, ConfigKey.SIGNALS_TOKEN_ISSUER));
    if (s.value(ConfigKey.SIGNALS_ALGORITHMS).isPresent()) {
      b.algorithms(s.list(ConfigKey.SIGNALS_ALGORITHMS));
    }
    s.bool(ConfigKey.SIGNALS_ACCEPT_PLAIN_JWT).ifPresent(b::acceptPlainJwt);
    s.bool(ConfigKey.SIGNALS_EMAIL_IS_SUBJECT).ifPresent(b::emailIsSubject);
    s.set(ConfigKey.SIGNALS_MAX_AGE, v -> b.maxAge(duration(s, ConfigKey.SIGNALS_MAX_AGE, v)));
    s.set(
        ConfigKey.SIGNALS_MAX_TOKEN_LIFETIME,
        v -> b.maxTokenLifetime(duration(s, ConfigKey.SIGNALS_MAX_TOKEN_LIFETIME, v)));
    s.set(
        ConfigKey.SIGNALS_MAX_BODY_BYTES,
        v -> b.maxBodyBytes(Values.integer(v, s.name(ConfigKey.SIGNALS_MAX_BODY_BYTES))));
    s.set(ConfigKey.SIGNALS_PUSH_SECRET, b::pushSecret);
    if (s.value(ConfigKey.SIGNALS_PUSH_CLIENT_CERTIFICATES).isPresent()) {
      b.pushClientCertificates(new HashSet<>(s.list(ConfigKey.SIGNALS_PUSH_CLIENT_CERTIFICATES)));
    }
    Optional<String> pollEndpoint = s.value(ConfigKey.SIGNALS_POLL_ENDPOINT);
    if (pollEndpoint.isPresent()) {
      b.poll(
          Settings.uri(pollEndpoint.get(), s.name(ConfigKey.SIGNALS_POLL_ENDPOINT)),
          s.value(ConfigKey.SIGNALS_POLL_SECRET)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          ConfigKey.SIGNALS_POLL_SECRET.property()
                              + " is required with "
                              + ConfigKey.SIGNALS_POLL_ENDPOINT.property())));
    }
    s.set(
        ConfigKey.SIGNALS_POLL_MAX_EVENTS,
        v -> b.pollMaxEvents(Values.integer(v, s.name(ConfigKey.SIGNALS_POLL_MAX_EVENTS))));
    s.set(
        ConfigKey.SIGNALS_POLL_INTERVAL,
        v -> b.pollInterval(duration(s, ConfigKey.SIGNALS_POLL_INTERVAL, v)));
    boolean loopback = s.bool(ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP).orElse(false);
    b.http(OutboundLimits.builder().build(loopback));
    return b.build();
  }

  private static String require(Settings s, ConfigKey key) {
    return s.value(key)
        .orElseThrow(() -> new IllegalArgumentException(key.property() + " is required"));
  }

  private static java.time.Duration duration(Settings s, ConfigKey key, String value) {
    return Values.duration(value, s.name(key));
  }
}
