package dev.gatehouse.internal.introspection;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.internal.outbound.ClientCredentials;
import dev.gatehouse.internal.outbound.OutboundHttp;
import dev.gatehouse.internal.outbound.OutboundReply;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.OutboundLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFC 7662 request per call: {@code POST token=...&token_type_hint=access_token} with the
 * resource server's client authentication, through {@link OutboundHttp}: no redirects, {@code
 * gatehouse.introspection.timeout} as the deadline of the whole exchange, a bounded body. Anything
 * but HTTP 200 with a JSON object holding a boolean {@code active} is an outage ({@link
 * ProviderUnavailableException}), never a verdict on the token.
 */
final class IntrospectionClient {

  private static final Logger LOG = LoggerFactory.getLogger(IntrospectionClient.class);
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

  private final IntrospectionConfig config;
  private final OutboundHttp http;
  private final ClientCredentials client;
  private final Duration retryAfter;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  /**
   * @param limits connect timeout, body limit and loopback allowance; the deadline is replaced
   */
  IntrospectionClient(IntrospectionConfig config, OutboundLimits limits) {
    this.config = config;
    this.http =
        new OutboundHttp(
            new OutboundLimits(
                limits.connectTimeout(),
                config.timeout(),
                config.timeout(),
                limits.maxResponseBytes(),
                limits.insecureLoopbackHttp()));
    this.client =
        new ClientCredentials(
            config.clientId(), config.clientSecret(), config.clientAuthentication());
    this.retryAfter = Duration.ofSeconds(Math.max(1, config.negativeCacheDuration().toSeconds()));
  }

  /**
   * The endpoint's JSON object, within the deadline.
   *
   * @throws ProviderUnavailableException when there is no such answer in time
   */
  Map<String, Object> introspect(String token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("token_type_hint", "access_token");
    OutboundReply reply;
    try {
      reply = http.postForm(config.endpoint(), form, client);
    } catch (IOException | RuntimeException e) {
      throw failure("no answer", e);
    }
    if (reply.status() != 200) {
      throw failure("HTTP " + reply.status(), null);
    }
    Map<String, Object> json;
    try {
      json = JsonUtil.parseJson(reply.text());
    } catch (JoseException | RuntimeException e) {
      throw failure("the response is not a JSON object", null);
    }
    if (json == null || !(json.get("active") instanceof Boolean)) {
      throw failure("the response has no boolean 'active'", null);
    }
    return json;
  }

  private ProviderUnavailableException failure(String what, @Nullable Throwable detail) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn(
          "gatehouse introspection_failed: {} from {}{}",
          what,
          config.endpoint(),
          detail == null ? "" : " (" + detail.getClass().getSimpleName() + ")");
    }
    return new ProviderUnavailableException(Cause.INTROSPECTION_FAILED, retryAfter, detail);
  }
}
