package dev.gatehouse.signals;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.ProviderDiscovery;
import dev.gatehouse.internal.discovery.ProviderSettings;
import dev.gatehouse.internal.discovery.RemoteKeySource;
import dev.gatehouse.internal.outbound.OutboundHttp;
import dev.gatehouse.internal.signals.EventMapping;
import dev.gatehouse.internal.signals.PushAuthentication;
import dev.gatehouse.internal.signals.SetPoller;
import dev.gatehouse.internal.signals.SetProcessor;
import dev.gatehouse.internal.signals.SetRules;
import dev.gatehouse.internal.signals.SetVerifier;
import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.internal.time.ClockSkew;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts of one receiver, made from its settings: the processor that push and poll share, the
 * push authentication, and the poller when a poll endpoint is configured. Keys come through the
 * filter's own key source (cached, refreshed on an unknown {@code kid}, bounded), pointed at the
 * transmitter's JWKS.
 */
final class Receiver {

  final SignalsConfig config;
  final SignalCounters counters = new SignalCounters();
  final SetProcessor processor;
  final PushAuthentication push;
  final Optional<SetPoller> poller;

  Receiver(SignalsConfig config, Supplier<Optional<SetPoller.Stores>> stores) {
    this.config = config;
    ProviderSettings keys =
        new ProviderSettings(
            URI.create(config.transmitterIssuer()),
            config.jwksUri(),
            config.http(),
            KeyPolicy.DEFAULTS);
    SetRules rules =
        new SetRules(
            config.transmitterIssuer(),
            config.audience(),
            config.algorithms(),
            config.acceptPlainJwt(),
            config.maxAge(),
            ClockSkew.DEFAULT,
            config.clock());
    EventMapping mapping =
        new EventMapping(
            config.tokenIssuer(),
            config.transmitterIssuer(),
            config.emailIsSubject(),
            config.maxTokenLifetime(),
            config.clock());
    this.processor =
        new SetProcessor(
            new SetVerifier(rules, keySource(keys, config)),
            mapping,
            config.transmitterIssuer(),
            config.maxAge().plus(ClockSkew.DEFAULT),
            counters);
    this.push = new PushAuthentication(config.pushSecret(), config.pushClientCertificates());
    this.poller =
        config
            .pollEndpoint()
            .map(
                endpoint ->
                    new SetPoller(
                        endpoint,
                        config.pollSecret().orElseThrow(),
                        config.pollMaxEvents(),
                        config.pollInterval(),
                        new OutboundHttp(config.http()),
                        processor,
                        stores));
  }

  /** The configured JWKS, else the one the transmitter's SSF configuration names. */
  private static KeySource keySource(ProviderSettings keys, SignalsConfig config) {
    return keys.jwksUri().isPresent()
        ? RemoteKeySource.create(keys, config.clock())
        : RemoteKeySource.create(
            keys, ProviderDiscovery.sharedSignals(keys, config.clock()), config.clock());
  }
}
