package dev.gatehouse.signals;

import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.config.FilterSettings;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.sender.InMemoryReplayStore;
import dev.gatehouse.internal.signals.SetError;
import dev.gatehouse.internal.signals.SetPoller;
import dev.gatehouse.internal.signals.SetRefusedException;
import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Shared Signals receiver: accepts SETs pushed to it (RFC 8935, {@code POST} of {@code
 * application/secevent+jwt}) and, when a poll endpoint is configured, polls them (RFC 8936) on a
 * daemon thread stopped by {@link #destroy()}. Each accepted SET's events become revocations in the
 * store; the answer is 202, or an RFC 8935 error with a fixed description, or 503 with {@code
 * Retry-After} when the store or the transmitter's keys cannot be reached (the transmitter then
 * retries).
 *
 * <p>Without a store given to the constructor, the store is the {@link SharedStore} the filter
 * publishes under {@link SharedStore#ATTRIBUTE}; until one is published every SET is answered 503.
 * Without a configuration given, it is read from the init-params or MicroProfile Config ({@link
 * SignalsConfigBinder}).
 */
public class SetReceiverServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SetReceiverServlet.class);
  private static final String SET_MEDIA_TYPE = "application/secevent+jwt";
  private static final Duration STORE_RETRY = Duration.ofSeconds(5);

  private final transient @Nullable SignalsConfig given;
  private final transient @Nullable RevocationStore revocations;
  private final transient @Nullable SharedStore store;
  private transient @Nullable Receiver receiver;
  private transient @Nullable InMemoryReplayStore ownReplays;
  private transient ReceiverMetrics metrics = ReceiverMetrics.none();

  /** Settings from the init-params or MicroProfile Config; the store the filter publishes. */
  public SetReceiverServlet() {
    this(null, null, null);
  }

  /** These settings; the store the filter publishes. */
  public SetReceiverServlet(SignalsConfig config) {
    this(config, null, null);
  }

  /** These settings and this shared store (revocations and the SET replay check). */
  public SetReceiverServlet(SignalsConfig config, SharedStore store) {
    this(config, null, store);
  }

  /** These settings and this revocation store; SET ids are remembered in this JVM only. */
  public SetReceiverServlet(SignalsConfig config, RevocationStore revocations) {
    this(config, revocations, null);
  }

  private SetReceiverServlet(
      @Nullable SignalsConfig config,
      @Nullable RevocationStore revocations,
      @Nullable SharedStore store) {
    this.given = config;
    this.revocations = revocations;
    this.store = store;
  }

  @Override
  public void init() throws ServletException {
    PropertyLookup settings = FilterSettings.of(getServletConfig());
    SignalsConfig config = given != null ? given : SignalsConfigBinder.bind(settings);
    ownReplays = new InMemoryReplayStore(config.clock(), InMemoryReplayStore.DEFAULT_MAX_ENTRIES);
    Receiver parts = new Receiver(config, this::stores);
    receiver = parts;
    parts.poller.ifPresent(SetPoller::start);
    metrics =
        ReceiverMetrics.publish(
            parts.counters, new Settings(settings), getServletContext(), getServletName());
    LOG.info(
        "gatehouse signals receiver for {}: push {}, poll {}",
        config.transmitterIssuer(),
        config.pushSecret().isPresent() || !config.pushClientCertificates().isEmpty()
            ? "on"
            : "off (no credential configured)",
        parts.poller.isPresent() ? "on" : "off");
  }

  @Override
  public void destroy() {
    Receiver parts = receiver;
    if (parts != null) {
      parts.poller.ifPresent(SetPoller::close);
    }
    metrics.close();
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Receiver parts = receiver;
    if (parts == null) {
      unavailable(response, STORE_RETRY);
      return;
    }
    Optional<SetError> denied = parts.push.check(request);
    if (denied.isPresent()) {
      parts.counters.refused(denied.get());
      if (denied.get() == SetError.AUTHENTICATION_FAILED && parts.push.usesBearer()) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"shared-signals\"");
      }
      error(response, denied.get().status(), denied.get());
      return;
    }
    if (!isSetMediaType(request.getContentType())) {
      parts.counters.refused(SetError.INVALID_REQUEST);
      error(response, 400, SetError.INVALID_REQUEST);
      return;
    }
    Optional<String> body = readBounded(request, parts.config.maxBodyBytes());
    if (body.isEmpty()) {
      parts.counters.refused(SetError.INVALID_REQUEST);
      error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, SetError.INVALID_REQUEST);
      return;
    }
    Optional<SetPoller.Stores> target = stores();
    if (target.isEmpty()) {
      parts.counters.countUnavailable();
      LOG.warn(
          "gatehouse signals store_unavailable: no store published under {} yet",
          SharedStore.ATTRIBUTE);
      unavailable(response, STORE_RETRY);
      return;
    }
    try {
      parts.processor.accept(body.get().trim(), target.get().revocations(), target.get().replays());
      response.setStatus(HttpServletResponse.SC_ACCEPTED);
    } catch (SetRefusedException e) {
      LOG.info("gatehouse signals refused (pushed) {}", e.logLine());
      error(response, 400, e.error());
    } catch (StoreUnavailableException e) {
      // The exception's type only: a store's message may quote keys.
      LOG.warn("gatehouse signals store_unavailable: {}", e.getClass().getSimpleName());
      unavailable(response, STORE_RETRY);
    } catch (ProviderUnavailableException e) {
      LOG.warn("gatehouse signals keys_unavailable: {}", e.reason());
      unavailable(response, e.retryAfter());
    }
  }

  /** What this receiver has done, for tests and diagnostics. */
  @Nullable SignalCounters counters() {
    Receiver parts = receiver;
    return parts == null ? null : parts.counters;
  }

  private Optional<SetPoller.Stores> stores() {
    InMemoryReplayStore replays = ownReplays;
    if (revocations != null && replays != null) {
      return Optional.of(new SetPoller.Stores(revocations, replays));
    }
    SharedStore shared = store;
    if (shared == null
        && getServletContext().getAttribute(SharedStore.ATTRIBUTE) instanceof SharedStore s) {
      shared = s;
    }
    return shared == null
        ? Optional.empty()
        : Optional.of(new SetPoller.Stores(shared.revocations(), shared.replays()));
  }

  private static boolean isSetMediaType(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT).equals(SET_MEDIA_TYPE);
  }

  /** Empty when the body is longer than {@code limit}; never reads more than one byte past it. */
  private static Optional<String> readBounded(HttpServletRequest request, int limit)
      throws IOException {
    if (request.getContentLengthLong() > limit) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      return bytes.length > limit
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }
  }

  private static void error(HttpServletResponse response, int status, SetError error)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(error.json());
  }

  private static void unavailable(HttpServletResponse response, Duration retryAfter) {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    response.setHeader("Cache-Control", "no-store");
  }
}
