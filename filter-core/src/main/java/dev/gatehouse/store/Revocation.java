package dev.gatehouse.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One revocation: the tokens of one issuer that carry {@link Key#value()} in the claim {@link
 * Key#target()} names, and that were issued at or before {@link #issuedBefore()} (a token without
 * {@code iat} counts as issued before), are refused until {@link #until()}.
 *
 * <p>A revoked token id names one token, so its {@code issuedBefore} is simply {@code until}. A
 * revoked subject or session refuses the tokens issued up to the event (a password change, a
 * logout) and lets the ones issued after it through.
 *
 * @param key what is revoked
 * @param issuedBefore tokens issued after this instant are not affected
 * @param until when the entry may be forgotten: no token it refuses is still unexpired then
 */
public record Revocation(Key key, Instant issuedBefore, Instant until) {

  /** The claim a revocation matches. */
  public enum Target {
    /** {@code jti} */
    TOKEN_ID,
    /** {@code sub} */
    SUBJECT,
    /** {@code sid} (OpenID Connect session id) */
    SESSION
  }

  /** What a revocation names; equal keys are one entry in every store. */
  public record Key(Target target, String issuer, String value) {
    public Key {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(value, "value");
    }
  }

  public Revocation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(issuedBefore, "issuedBefore");
    Objects.requireNonNull(until, "until");
    if (issuedBefore.isAfter(until)) {
      throw new IllegalArgumentException(
          "issuedBefore " + issuedBefore + " is after until " + until);
    }
  }

  /** The token {@code tokenId} of {@code issuer}, refused until {@code until}. */
  public static Revocation ofTokenId(String issuer, String tokenId, Instant until) {
    return new Revocation(new Key(Target.TOKEN_ID, issuer, tokenId), until, until);
  }

  /**
   * The tokens of {@code subject} issued up to {@code issuedBefore}, refused until {@code until}.
   */
  public static Revocation ofSubject(
      String issuer, String subject, Instant issuedBefore, Instant until) {
    return new Revocation(new Key(Target.SUBJECT, issuer, subject), issuedBefore, until);
  }

  /**
   * The tokens of session {@code sid} issued up to {@code issuedBefore}, refused until {@code
   * until}.
   */
  public static Revocation ofSession(
      String issuer, String sid, Instant issuedBefore, Instant until) {
    return new Revocation(new Key(Target.SESSION, issuer, sid), issuedBefore, until);
  }

  /** True when a token issued at {@code issuedAt} (null: unknown) is refused at {@code now}. */
  public boolean refuses(@Nullable Instant issuedAt, Instant now) {
    return now.isBefore(until) && (issuedAt == null || !issuedAt.isAfter(issuedBefore));
  }

  /** The entry that holds both: the later {@code issuedBefore} and the later {@code until}. */
  public Revocation merge(Revocation other) {
    if (!key.equals(other.key)) {
      throw new IllegalArgumentException("different keys");
    }
    return new Revocation(key, later(issuedBefore, other.issuedBefore), later(until, other.until));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
