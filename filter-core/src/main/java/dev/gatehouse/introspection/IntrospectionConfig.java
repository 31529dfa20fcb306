package dev.gatehouse.introspection;

import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to introspect tokens that are not JWTs (RFC 7662), and how long to remember the
 * answers. Immutable; checked in {@link Builder#build()}.
 */
public final class IntrospectionConfig {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_CACHE_DURATION = Duration.ofMinutes(5);
  public static final Duration DEFAULT_NEGATIVE_CACHE_DURATION = Duration.ofSeconds(10);
  public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

  /** Answers about JWTs: reused 30 s by default, at most 5 min, since revocation is the point. */
  public static final Duration DEFAULT_JWT_CACHE_DURATION = Duration.ofSeconds(30);

  public static final Duration MAX_JWT_CACHE_DURATION = Duration.ofMinutes(5);

  private final URI endpoint;
  private final String clientId;
  private final String clientSecret;
  private final ClientAuthentication clientAuthentication;
  private final Set<String> audiences;
  private final Duration timeout;
  private final Duration cacheDuration;
  private final Duration negativeCacheDuration;
  private final int cacheMaxEntries;
  private final @Nullable Duration jwtCacheDuration;

  private IntrospectionConfig(Builder b) {
    this.endpoint = b.endpoint;
    this.clientId = Objects.requireNonNull(b.clientId); // build() checked both
    this.clientSecret = Objects.requireNonNull(b.clientSecret);
    this.clientAuthentication = b.clientAuthentication;
    this.audiences = Collections.unmodifiableSet(new LinkedHashSet<>(b.audiences));
    this.timeout = b.timeout;
    this.cacheDuration = b.cacheDuration;
    this.negativeCacheDuration = b.negativeCacheDuration;
    this.cacheMaxEntries = b.cacheMaxEntries;
    this.jwtCacheDuration = b.jwtCacheDuration;
  }

  private IntrospectionConfig(IntrospectionConfig of, Duration cacheDuration) {
    this.endpoint = of.endpoint;
    this.clientId = of.clientId;
    this.clientSecret = of.clientSecret;
    this.clientAuthentication = of.clientAuthentication;
    this.audiences = of.audiences;
    this.timeout = of.timeout;
    this.cacheDuration = cacheDuration;
    this.negativeCacheDuration = of.negativeCacheDuration;
    this.cacheMaxEntries = of.cacheMaxEntries;
    this.jwtCacheDuration = of.jwtCacheDuration;
  }

  public static Builder forEndpoint(URI endpoint) {
    return new Builder(Objects.requireNonNull(endpoint, "endpoint"));
  }

  public URI endpoint() {
    return endpoint;
  }

  public String clientId() {
    return clientId;
  }

  /** Sent to the endpoint only; never logged. */
  public String clientSecret() {
    return clientSecret;
  }

  public ClientAuthentication clientAuthentication() {
    return clientAuthentication;
  }

  /** When not empty, an introspected token's {@code aud} must name one of these. */
  public Set<String> audiences() {
    return audiences;
  }

  /** Longest time one introspection call may take, response body included. */
  public Duration timeout() {
    return timeout;
  }

  /** Longest time an active result is reused; never past the token's {@code exp}. */
  public Duration cacheDuration() {
    return cacheDuration;
  }

  /** How long an inactive result is reused. */
  public Duration negativeCacheDuration() {
    return negativeCacheDuration;
  }

  public int cacheMaxEntries() {
    return cacheMaxEntries;
  }

  /** How long an answer about a JWT is reused; empty when JWTs are not introspected. */
  public java.util.Optional<Duration> jwtCacheDuration() {
    return java.util.Optional.ofNullable(jwtCacheDuration);
  }

  /** These settings with the JWT answer lifetime as the result lifetime, for the JWT check. */
  public java.util.Optional<IntrospectionConfig> forJwts() {
    return jwtCacheDuration().map(d -> new IntrospectionConfig(this, d));
  }

  /** Names the endpoint and the client, never the secret. */
  @Override
  public String toString() {
    return "IntrospectionConfig["
        + endpoint
        + ", client "
        + clientId
        + ", "
        + clientAuthentication.value()
        + "]";
  }

  /** Collects settings; not thread-safe, used once. */
  public static final class Builder {
    private final URI endpoint;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;
    private final Set<String> audiences = new LinkedHashSet<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration cacheDuration = DEFAULT_CACHE_DURATION;
    private Duration negativeCacheDuration = DEFAULT_NEGATIVE_CACHE_DURATION;
    private int cacheMaxEntries = DEFAULT_CACHE_MAX_ENTRIES;
    private @Nullable Duration jwtCacheDuration;

    private Builder(URI endpoint) {
      this.endpoint = endpoint;
    }

    /** The resource server's own client credentials at the authorization server. Required. */
    public Builder clientCredentials(@Nullable String clientId, @Nullable String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /** Default {@link ClientAuthentication#CLIENT_SECRET_BASIC}. */
    public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
      this.clientAuthentication = Objects.requireNonNull(clientAuthentication);
      return this;
    }

    public Builder audiences(String... audiences) {
      return audiences(Arrays.asList(audiences));
    }

    public Builder audiences(Iterable<String> audiences) {
      for (String a : audiences) {
        if (a == null || a.isBlank()) {
          throw new IllegalArgumentException(
              "gatehouse.introspection.audiences: a value must not be blank");
        }
        this.audiences.add(a.trim());
      }
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Bounds of the result cache (default 5 min, 10 s for inactive tokens, 10,000 entries). */
    public Builder cache(Duration active, Duration inactive, int maxEntries) {
      this.cacheDuration = Objects.requireNonNull(active, "active");
      this.negativeCacheDuration = Objects.requireNonNull(inactive, "inactive");
      this.cacheMaxEntries = maxEntries;
      return this;
    }

    /**
     * Also asks the endpoint about every JWT that passed its own checks (RFC 7662 does not limit
     * introspection to opaque tokens), reusing an answer for at most {@code cacheDuration} (at most
     * {@link #MAX_JWT_CACHE_DURATION}, never past {@code exp}): a JWT revoked at the authorization
     * server stops within that time. Cost: one call per token per {@code cacheDuration}; an
     * endpoint outage makes JWTs get 503 too.
     */
    public Builder introspectJwts(Duration cacheDuration) {
      this.jwtCacheDuration = Objects.requireNonNull(cacheDuration, "cacheDuration");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public IntrospectionConfig build() {
      if (clientId == null
          || clientId.isBlank()
          || clientSecret == null
          || clientSecret.isEmpty()) {
        throw new IllegalArgumentException(
            "gatehouse.introspection.client-id and gatehouse.introspection.client-secret: both are"
                + " required to call the introspection endpoint");
      }
      between(
          timeout, Duration.ofMillis(1), Duration.ofMinutes(1), "gatehouse.introspection.timeout");
      between(
          cacheDuration,
          Duration.ZERO,
          Duration.ofDays(1),
          "gatehouse.introspection.cache-duration");
      between(
          negativeCacheDuration,
          Duration.ZERO,
          Duration.ofMinutes(10),
          "gatehouse.introspection.negative-cache-duration");
      if (jwtCacheDuration != null) {
        between(
            jwtCacheDuration,
            Duration.ZERO,
            MAX_JWT_CACHE_DURATION,
            "gatehouse.introspection.jwt-cache-duration");
      }
      if (cacheMaxEntries < 1 || cacheMaxEntries > 10_000_000) {
        throw new IllegalArgumentException(
            "gatehouse.introspection.cache-max-entries: "
                + cacheMaxEntries
                + " is outside 1..10000000");
      }
      return new IntrospectionConfig(this);
    }

    private static void between(Duration d, Duration min, Duration max, String name) {
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + ": " + d + " is outside " + min + ".." + max);
      }
    }
  }
}
