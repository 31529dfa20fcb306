package dev.gatehouse.internal.signals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a SET must satisfy (RFC 8417 with RFC 8935/8936): issuer, audience, algorithms, {@code typ}
 * and the age of {@code iat}.
 *
 * @param issuer the transmitter's {@code iss}
 * @param audience a value {@code aud} must contain
 * @param algorithms the JWS algorithms accepted
 * @param acceptPlainJwt whether {@code typ: JWT} or none is accepted besides {@code secevent+jwt}
 * @param maxAge how old {@code iat} may be
 * @param skew how far in the future {@code iat} may be
 * @param clock the time {@code iat} is compared with
 */
public record SetRules(
    String issuer,
    String audience,
    List<String> algorithms,
    boolean acceptPlainJwt,
    Duration maxAge,
    Duration skew,
    Clock clock) {

  public SetRules {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    algorithms = List.copyOf(algorithms);
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(skew, "skew");
    Objects.requireNonNull(clock, "clock");
  }
}
