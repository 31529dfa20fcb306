package dev.gatehouse.signals;

import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.testing.JettyHarness;
import dev.gatehouse.testing.LocalJwksServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** The receiver servlet at {@code /signals} in an in-memory Jetty, with a map as its store. */
final class PushReceiver implements AutoCloseable {

  static final String SECRET = "transmitter-secret-0123456789";
  static final String SET_TYPE = "application/secevent+jwt";

  final MemoryRevocationStore store = new MemoryRevocationStore();
  final SetReceiverServlet servlet;
  private final JettyHarness jetty;

  private PushReceiver(
      SignalsConfig.Builder config, Filter before, SharedStore published, boolean ownStore) {
    this(config, before, published, ownStore, Map.of(), Map.of());
  }

  private PushReceiver(
      SignalsConfig.Builder config,
      Filter before,
      SharedStore published,
      boolean ownStore,
      Map<String, Object> attributes,
      Map<String, String> initParameters) {
    this.servlet =
        ownStore
            ? new SetReceiverServlet(config.build(), store)
            : new SetReceiverServlet(config.build());
    ServletContextHandler context = new ServletContextHandler("/");
    if (published != null) {
      context.setAttribute(SharedStore.ATTRIBUTE, published);
    }
    attributes.forEach(context::setAttribute);
    if (before != null) {
      context.addFilter(new FilterHolder(before), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    ServletHolder holder = new ServletHolder("signals-receiver", servlet);
    holder.setInitOrder(0);
    holder.setInitParameters(initParameters);
    context.addServlet(holder, "/signals");
    jetty = JettyHarness.inMemory(context);
  }

  /** The receiver writing to {@link #store}. */
  static PushReceiver with(SignalsConfig.Builder config) {
    return new PushReceiver(config, null, null, true);
  }

  /**
   * The receiver writing to {@link #store}, with these servlet-context attributes and init
   * parameters (its metrics settings, say).
   */
  static PushReceiver with(
      SignalsConfig.Builder config,
      Map<String, Object> attributes,
      Map<String, String> initParameters) {
    return new PushReceiver(config, null, null, true, attributes, initParameters);
  }

  /** The receiver writing to {@link #store}, behind {@code before} (a TLS stand-in). */
  static PushReceiver behind(Filter before, SignalsConfig.Builder config) {
    return new PushReceiver(config, before, null, true);
  }

  /** The receiver without a store of its own: it uses the one published in the context. */
  static PushReceiver publishing(SharedStore published, SignalsConfig.Builder config) {
    return new PushReceiver(config, null, published, false);
  }

  /** The receiver without a store of its own, in a context where none is published. */
  static PushReceiver withoutStore(SignalsConfig.Builder config) {
    return new PushReceiver(config, null, null, false);
  }

  /** A push receiver's usual settings, trusting {@code transmitter}'s keys, by bearer secret. */
  static SignalsConfig.Builder config(LocalJwksServer transmitter, Clock clock) {
    return SignalsConfig.builder()
        .transmitter(transmitter.issuer(), transmitter.jwksUri())
        .audience(SetMinter.RECEIVER)
        .tokenIssuer(SetMinter.TOKEN_ISSUER)
        .pushSecret(SECRET)
        .http(OutboundLimits.builder().build(true))
        .clock(clock);
  }

  /** POST of {@code set} as the transmitter sends it. */
  HttpResponse<String> push(String set) {
    return post(set, SET_TYPE, "Bearer " + SECRET);
  }

  HttpResponse<String> post(String body, String contentType, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(jetty.base().resolve("/signals"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return jetty.send(request.build());
  }

  @Override
  public void close() {
    jetty.close();
  }
}
