package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.issSub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A receiver's counts as Micrometer meters, beside its MBean: tagged with the receiver, from fixed
 * sets of outcomes and RFC 8935 codes, gone when the servlet is destroyed.
 */
class ReceiverMetricsTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String RECEIVER = "signals-receiver";

  @RegisterExtension final LocalJwksServer transmitter = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final SetMinter sets = new SetMinter(transmitter.issuer());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private PushReceiver receiver(Map<String, String> initParameters) {
    return PushReceiver.with(
        PushReceiver.config(transmitter, clock),
        Map.of(MetricsSettings.METER_REGISTRY_ATTRIBUTE, registry),
        initParameters);
  }

  @Test
  void whenSetsArriveThenEachOutcomeIsCountedUnderItsCode() {
    try (PushReceiver receiver = receiver(Map.of())) {
      String good = sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")).build();
      String elsewhere =
          sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "bob"))
              .audience("https://other-receiver.example/")
              .build();

      assertEquals(202, receiver.push(good).statusCode());
      assertEquals(400, receiver.push(elsewhere).statusCode());

      assertEquals(
          1, count(registry, SignalCounters.SETS, "outcome", "accepted", "reason", "none"));
      assertEquals(
          1,
          count(registry, SignalCounters.SETS, "outcome", "refused", "reason", "invalid_audience"));
      assertEquals(0, count(registry, SignalCounters.SETS, "outcome", "unavailable"));
      assertEquals(receiver.store.all().size(), (int) count(registry, SignalCounters.REVOCATIONS));
      assertEquals(0, count(registry, SignalCounters.IGNORED_EVENTS, "kind", "unknown"));
    }
    assertTrue(registry.find(SignalCounters.SETS).meters().isEmpty(), "removed on destroy");
  }

  @Test
  void whenMicrometerIsSwitchedOffThenNoMeterIsRegistered() {
    try (PushReceiver receiver = receiver(Map.of("gatehouse.metrics.micrometer", "false"))) {
      String good = sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")).build();

      assertEquals(202, receiver.push(good).statusCode());

      assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
    }
  }

  private static double count(MeterRegistry registry, String name, String... tags) {
    FunctionCounter counter =
        registry
            .find(name)
            .tag(ReceiverMetrics.RECEIVER_TAG, RECEIVER)
            .tags(tags)
            .functionCounter();
    if (counter == null) {
      throw new AssertionError(
          "no " + name + " " + String.join(",", tags) + " in " + registry.getMeters());
    }
    return counter.count();
  }
}
