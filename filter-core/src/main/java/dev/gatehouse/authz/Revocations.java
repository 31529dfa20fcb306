package dev.gatehouse.authz;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's way to revoke: a token by its {@code jti}, or every token of a subject or a
 * session issued up to an instant. Written to the filter's store, so with a shared store every node
 * refuses within that store's propagation time; a revoked token gets 401 {@code invalid_token}
 * ({@link dev.gatehouse.error.Rejection#TOKEN_REVOKED}), even when it is in the verified-token
 * cache.
 *
 * <p>The filter publishes its own under {@link #ATTRIBUTE}; {@link #from} reads it.
 */
public final class Revocations {

  /** Servlet-context attribute under which the filter publishes its {@code Revocations}. */
  public static final String ATTRIBUTE = "dev.gatehouse.revocations";

  /**
   * How long a subject or session revocation is kept when no {@code until} is given: tokens issued
   * before the event stay refused for this long after it. It covers the default access-token
   * lifetimes of the common providers (Keycloak 5 min, Entra ID 60-90 min, Auth0 24 h); pass {@code
   * until} when your tokens live longer.
   */
  public static final Duration DEFAULT_HORIZON = Duration.ofHours(24);

  private final RevocationStore store;
  private final Clock clock;
  private final Duration skew;

  /**
   * @param skew added to a token's {@code exp}, at least the verifier's clock skew
   */
  public Revocations(RevocationStore store, Clock clock, Duration skew) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
  }

  /** The filter's, when a filter of this application published one. */
  public static Optional<Revocations> from(ServletContext context) {
    return context.getAttribute(ATTRIBUTE) instanceof Revocations revocations
        ? Optional.of(revocations)
        : Optional.empty();
  }

  /**
   * Refuses the token {@code tokenId} of {@code issuer} until {@code until} (its {@code exp} plus
   * the clock skew is enough); nothing is written when {@code until} has passed.
   *
   * @throws IllegalStateException when the store is full
   * @throws dev.gatehouse.store.StoreUnavailableException when the store cannot be written and the
   *     failure policy is fail-closed
   */
  public void revokeToken(String issuer, String tokenId, Instant until) {
    write(Revocation.ofTokenId(issuer, tokenId, until));
  }

  /** Refuses this token until its {@code exp} plus the skew; false when it has no {@code jti}. */
  public boolean revokeToken(AccessToken token) {
    Optional<String> id = token.tokenId();
    if (id.isEmpty()) {
      return false;
    }
    revokeToken(token.issuer(), id.get(), token.expiresAt().plus(skew));
    return true;
  }

  /**
   * Refuses the tokens of {@code subject} issued at or before {@code issuedBefore}, for {@link
   * #DEFAULT_HORIZON} after it; later tokens pass.
   */
  public void revokeSubject(String issuer, String subject, Instant issuedBefore) {
    revokeSubject(issuer, subject, issuedBefore, horizon(issuedBefore));
  }

  /** As {@link #revokeSubject(String, String, Instant)}, kept until {@code until}. */
  public void revokeSubject(String issuer, String subject, Instant issuedBefore, Instant until) {
    write(Revocation.ofSubject(issuer, subject, issuedBefore, until));
  }

  /**
   * Refuses the tokens of session {@code sid} issued at or before {@code issuedBefore}, for {@link
   * #DEFAULT_HORIZON} after it.
   */
  public void revokeSession(String issuer, String sid, Instant issuedBefore) {
    revokeSession(issuer, sid, issuedBefore, horizon(issuedBefore));
  }

  /** As {@link #revokeSession(String, String, Instant)}, kept until {@code until}. */
  public void revokeSession(String issuer, String sid, Instant issuedBefore, Instant until) {
    write(Revocation.ofSession(issuer, sid, issuedBefore, until));
  }

  private Instant horizon(Instant issuedBefore) {
    return issuedBefore.plus(DEFAULT_HORIZON).plus(skew);
  }

  private void write(Revocation revocation) {
    if (revocation.until().isAfter(clock.instant())) {
      store.revoke(revocation);
    }
  }
}
