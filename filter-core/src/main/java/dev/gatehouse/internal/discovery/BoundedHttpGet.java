package dev.gatehouse.internal.discovery;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.internal.outbound.OutboundHttp;
import dev.gatehouse.internal.outbound.OutboundReply;
import dev.gatehouse.outbound.OutboundLimits;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jose4j.http.SimpleGet;
import org.jose4j.http.SimpleResponse;
import org.jspecify.annotations.Nullable;

/**
 * jose4j's {@link SimpleGet} role, played by {@link OutboundHttp} with the discovery and JWKS
 * limits: no redirects, one deadline ({@code gatehouse.http.deadline}), a body limit, no retries,
 * only 200 accepted, and a {@code Cache-Control} lifetime clamped so a provider sending {@code
 * max-age=0} cannot make every request fetch keys.
 */
final class BoundedHttpGet implements SimpleGet {

  private final OutboundHttp http;
  private final long minCacheSeconds;
  private final long maxCacheSeconds;
  private final Runnable onFailure;
  private volatile long lastLifetimeSeconds = -1;

  BoundedHttpGet(OutboundLimits limits, KeyPolicy keys) {
    this(limits, keys, () -> {});
  }

  /**
   * @param onFailure told of every request that got no 200 answer within the limits
   */
  BoundedHttpGet(OutboundLimits limits, KeyPolicy keys, Runnable onFailure) {
    this.onFailure = onFailure;
    this.http = new OutboundHttp(limits);
    this.minCacheSeconds = keys.refreshCooldown().toSeconds();
    this.maxCacheSeconds = Math.max(minCacheSeconds, Duration.ofDays(1).toSeconds());
  }

  @Override
  public SimpleResponse get(String location) throws IOException {
    try {
      SimpleResponse response = new Response(http.get(URI.create(location)));
      if (response.getStatusCode() != 200) {
        // A redirect ends here too: its target is never contacted.
        throw new IOException("HTTP " + response.getStatusCode() + " from " + location);
      }
      ClampedResponse clamped = new ClampedResponse(response, minCacheSeconds, maxCacheSeconds);
      lastLifetimeSeconds = clamped.lifetimeSeconds();
      return clamped;
    } catch (IOException | RuntimeException e) {
      onFailure.run();
      if (e instanceof IllegalArgumentException) {
        throw new IOException("not a URL: " + location);
      }
      throw e;
    }
  }

  /** The cache lifetime the last response asked for after clamping, or -1 when it named none. */
  long lastLifetimeSeconds() {
    return lastLifetimeSeconds;
  }

  /** The reply as jose4j reads it. */
  private record Response(OutboundReply reply) implements SimpleResponse {

    @Override
    public int getStatusCode() {
      return reply.status();
    }

    @Override
    public String getStatusMessage() {
      return "";
    }

    @Override
    public Collection<String> getHeaderNames() {
      return reply.headers().keySet();
    }

    @Override
    public @Nullable List<String> getHeaderValues(String name) {
      return reply.header(name);
    }

    @Override
    public String getBody() {
      return reply.text();
    }
  }

  private record ClampedResponse(SimpleResponse delegate, long min, long max)
      implements SimpleResponse {

    @Override
    public int getStatusCode() {
      return delegate.getStatusCode();
    }

    @Override
    public String getStatusMessage() {
      return delegate.getStatusMessage();
    }

    @Override
    public Collection<String> getHeaderNames() {
      // Expires is dropped so that only the clamped Cache-Control (or the default) sets the life.
      return delegate.getHeaderNames().stream()
          .filter(n -> n != null && !"expires".equals(n.toLowerCase(Locale.ROOT)))
          .toList();
    }

    @Override
    public @Nullable List<String> getHeaderValues(String name) {
      List<String> values = delegate.getHeaderValues(name);
      if (values == null || !"cache-control".equals(name.toLowerCase(Locale.ROOT))) {
        return values;
      }
      long lifetime = lifetimeSeconds();
      return lifetime < 0 ? values : List.of("max-age=" + lifetime);
    }

    long lifetimeSeconds() {
      List<String> values = cacheControl();
      long maxAge = values == null ? -1 : maxAge(values);
      return maxAge < 0 ? -1 : Math.min(max, Math.max(min, maxAge));
    }

    private @Nullable List<String> cacheControl() {
      for (String name : delegate.getHeaderNames()) {
        if (name != null && "cache-control".equals(name.toLowerCase(Locale.ROOT))) {
          return delegate.getHeaderValues(name);
        }
      }
      return null;
    }

    @Override
    public String getBody() {
      return delegate.getBody();
    }

    private static long maxAge(List<String> values) {
      for (String value : values) {
        for (String directive : value.split(",")) {
          String d = directive.trim().toLowerCase(Locale.ROOT);
          if (d.equals("no-cache") || d.equals("no-store")) {
            return 0;
          }
          if (d.startsWith("max-age=")) {
            try {
              return Long.parseLong(d.substring("max-age=".length()).trim());
            } catch (NumberFormatException e) {
              return 0;
            }
          }
        }
      }
      return -1;
    }
  }
}
