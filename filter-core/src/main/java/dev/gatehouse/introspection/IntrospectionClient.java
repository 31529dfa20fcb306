package dev.gatehouse.introspection;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.introspection.IntrospectionConfig.ClientAuthentication;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFC 7662 request per call: {@code POST token=...&token_type_hint=access_token} with the
 * resource server's client authentication, no redirects, one deadline for the whole exchange and a
 * bounded body. Anything but HTTP 200 with a JSON object holding a boolean {@code active} is an
 * outage ({@link ProviderUnavailableException}), never a verdict on the token.
 */
final class IntrospectionClient {

  private static final Logger LOG = LoggerFactory.getLogger(IntrospectionClient.class);
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

  private final IntrospectionConfig config;
  private final HttpClient http;
  private final int maxResponseBytes;
  private final Duration retryAfter;
  private final String basicCredentials;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  IntrospectionClient(IntrospectionConfig config, Duration connectTimeout, int maxResponseBytes) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.maxResponseBytes = maxResponseBytes;
    this.retryAfter = Duration.ofSeconds(Math.max(1, config.negativeCacheDuration().toSeconds()));
    // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined for Basic.
    this.basicCredentials =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (form(config.clientId()) + ":" + form(config.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
  }

  /** Completes with the endpoint's JSON object, or exceptionally with a ProviderUnavailableException. */
  CompletableFuture<Map<String, Object>> introspect(String token) {
    StringBuilder body = new StringBuilder("token=").append(form(token));
    body.append("&token_type_hint=access_token");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.endpoint())
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (config.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_BASIC) {
      request.header("Authorization", basicCredentials);
    } else {
      body.append("&client_id=").append(form(config.clientId()));
      body.append("&client_secret=").append(form(config.clientSecret()));
    }
    request.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(request.build(), info -> new BoundedBody(maxResponseBytes));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure("request not sent", e));
    }
    // The request timeout covers the wait for headers only; this deadline covers the body too.
    CompletableFuture.delayedExecutor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> sent.cancel(true));
    return sent.handle(
        (response, error) -> {
          if (error != null) {
            throw failure("no answer", error);
          }
          return parse(response);
        });
  }

  private Map<String, Object> parse(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw failure("HTTP " + response.statusCode(), null);
    }
    Map<String, Object> json;
    try {
      json = JsonUtil.parseJson(new String(response.body(), StandardCharsets.UTF_8));
    } catch (JoseException | RuntimeException e) {
      throw failure("the response is not a JSON object", null);
    }
    if (json == null || !(json.get("active") instanceof Boolean)) {
      throw failure("the response has no boolean 'active'", null);
    }
    return json;
  }

  private ProviderUnavailableException failure(String what, Throwable detail) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      Throwable cause = detail instanceof CompletionException c ? c.getCause() : detail;
      LOG.warn(
          "gatehouse introspection_failed: {} from {}{}",
          what,
          config.endpoint(),
          cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
    }
    return new ProviderUnavailableException(Cause.INTROSPECTION_FAILED, retryAfter, detail);
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
