package dev.gatehouse.signals;

import dev.gatehouse.outbound.OutboundLimits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one Shared Signals receiver ({@code gatehouse.signals.*}); checked when made, so
 * a value that exists is usable. Its {@link #toString()} never shows the secrets.
 *
 * @param transmitterIssuer the transmitter's {@code iss}, compared exactly
 * @param jwksUri where the transmitter's signing keys are: the only keys a SET is checked with;
 *     without it, the {@code jwks_uri} of the transmitter's {@code /.well-known/ssf-configuration}
 * @param audience the value a SET's {@code aud} must contain: this receiver at the transmitter
 * @param tokenIssuer the {@code iss} of the access tokens the events revoke
 * @param algorithms the JWS algorithms accepted, asymmetric only
 * @param acceptPlainJwt whether {@code typ: JWT} or no {@code typ} is accepted besides {@code
 *     secevent+jwt} (for transmitters older than RFC 8417's recommendation)
 * @param maxAge how old a SET's {@code iat} may be; also how long its {@code jti} is remembered
 * @param maxTokenLifetime the longest access-token lifetime of the token issuer: how long a
 *     revocation is kept after the event
 * @param emailIsSubject whether an {@code email} subject identifier is the tokens' {@code sub}
 * @param maxBodyBytes the largest pushed SET read
 * @param pushSecret the bearer secret a pushing transmitter sends, if push by secret is on
 * @param pushClientCertificates SHA-256 thumbprints (base64url) of the client certificates a
 *     pushing transmitter may present (mTLS)
 * @param pollEndpoint the transmitter's RFC 8936 endpoint, if this receiver polls
 * @param pollSecret the bearer credential sent with each poll (required with an endpoint)
 * @param pollMaxEvents {@code maxEvents} of each poll
 * @param pollInterval pause between polls that found nothing more; errors back off from here
 * @param http bounds of the JWKS and poll exchanges
 * @param clock what {@code iat} and event times are compared with
 */
public record SignalsConfig(
    String transmitterIssuer,
    Optional<URI> jwksUri,
    String audience,
    String tokenIssuer,
    List<String> algorithms,
    boolean acceptPlainJwt,
    Duration maxAge,
    Duration maxTokenLifetime,
    boolean emailIsSubject,
    int maxBodyBytes,
    Optional<String> pushSecret,
    Set<String> pushClientCertificates,
    Optional<URI> pollEndpoint,
    Optional<String> pollSecret,
    int pollMaxEvents,
    Duration pollInterval,
    OutboundLimits http,
    Clock clock) {

  /** The transmitter signs; the receiver holds no secret that could forge a SET. */
  public static final Set<String> ASYMMETRIC_ALGORITHMS =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

  public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256");
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
  public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofHours(24);
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final int DEFAULT_POLL_MAX_EVENTS = 25;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

  /** Shortest push or poll secret accepted: a guessable one would let anyone revoke anyone. */
  public static final int MIN_SECRET_LENGTH = 16;

  public SignalsConfig {
    SignalsChecks.require(transmitterIssuer, "transmitter-issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    SignalsChecks.require(audience, "audience");
    SignalsChecks.require(tokenIssuer, "token-issuer");
    algorithms = SignalsChecks.algorithms(algorithms);
    SignalsChecks.between(maxAge, Duration.ofMinutes(1), Duration.ofDays(7), "max-age");
    SignalsChecks.between(
        maxTokenLifetime, Duration.ofMinutes(1), Duration.ofDays(30), "max-token-lifetime");
    SignalsChecks.between(maxBodyBytes, 1024, 1024 * 1024, "max-body-bytes");
    SignalsChecks.secret(pushSecret, "push-secret");
    pushClientCertificates = SignalsChecks.thumbprints(pushClientCertificates);
    SignalsChecks.secret(pollSecret, "poll-secret");
    if (pollEndpoint.isPresent() && pollSecret.isEmpty()) {
      throw new IllegalArgumentException(
          "gatehouse.signals.poll-secret is required with gatehouse.signals.poll-endpoint");
    }
    SignalsChecks.between(pollMaxEvents, 1, 1000, "poll-max-events");
    SignalsChecks.between(
        pollInterval, Duration.ofSeconds(1), Duration.ofHours(1), "poll-interval");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names the transmitter and the audience; never a secret. */
  @Override
  public String toString() {
    return "SignalsConfig[transmitter=" + transmitterIssuer + ", audience=" + audience + "]";
  }

  /** Collects the settings; required: a transmitter, the audience and the token issuer. */
  public static final class Builder {
    private @Nullable String transmitterIssuer;
    private @Nullable URI jwksUri;
    private @Nullable String audience;
    private @Nullable String tokenIssuer;
    private List<String> algorithms = DEFAULT_ALGORITHMS;
    private boolean acceptPlainJwt;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration maxTokenLifetime = DEFAULT_MAX_TOKEN_LIFETIME;
    private boolean emailIsSubject;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private @Nullable String pushSecret;
    private Set<String> pushClientCertificates = Set.of();
    private @Nullable URI pollEndpoint;
    private @Nullable String pollSecret;
    private int pollMaxEvents = DEFAULT_POLL_MAX_EVENTS;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private OutboundLimits http = OutboundLimits.builder().build(false);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** A transmitter whose keys are at {@code jwksUri}. */
    public Builder transmitter(String issuer, URI jwksUri) {
      this.transmitterIssuer = issuer;
      this.jwksUri = jwksUri;
      return this;
    }

    /** A transmitter whose keys its {@code /.well-known/ssf-configuration} names. */
    public Builder transmitter(String issuer) {
      this.transmitterIssuer = issuer;
      this.jwksUri = null;
      return this;
    }

    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    public Builder tokenIssuer(String tokenIssuer) {
      this.tokenIssuer = tokenIssuer;
      return this;
    }

    public Builder algorithms(List<String> algorithms) {
      this.algorithms = algorithms;
      return this;
    }

    public Builder acceptPlainJwt(boolean accept) {
      this.acceptPlainJwt = accept;
      return this;
    }

    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    public Builder maxTokenLifetime(Duration lifetime) {
      this.maxTokenLifetime = lifetime;
      return this;
    }

    public Builder emailIsSubject(boolean emailIsSubject) {
      this.emailIsSubject = emailIsSubject;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder pushSecret(String secret) {
      this.pushSecret = secret;
      return this;
    }

    public Builder pushClientCertificates(Set<String> thumbprints) {
      this.pushClientCertificates = thumbprints;
      return this;
    }

    public Builder poll(URI endpoint, String secret) {
      this.pollEndpoint = endpoint;
      this.pollSecret = secret;
      return this;
    }

    public Builder pollMaxEvents(int maxEvents) {
      this.pollMaxEvents = maxEvents;
      return this;
    }

    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    public Builder http(OutboundLimits http) {
      this.http = http;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    public SignalsConfig build() {
      return new SignalsConfig(
          SignalsChecks.present(transmitterIssuer, "transmitter-issuer"),
          Optional.ofNullable(jwksUri),
          SignalsChecks.present(audience, "audience"),
          SignalsChecks.present(tokenIssuer, "token-issuer"),
          algorithms,
          acceptPlainJwt,
          maxAge,
          maxTokenLifetime,
          emailIsSubject,
          maxBodyBytes,
          Optional.ofNullable(pushSecret),
          pushClientCertificates,
          Optional.ofNullable(pollEndpoint),
          Optional.ofNullable(pollSecret),
          pollMaxEvents,
          pollInterval,
          http,
          clock);
    }
  }
}
