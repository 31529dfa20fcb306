package dev.gatehouse.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Access tokens from one {@link LocalOpenIdProvider}, minted at test time with its generated keys.
 * Each method starts a {@link TokenBuilder} that differs from {@link #valid()} in one way, so a
 * negative test names the one thing that is wrong.
 */
public final class Tokens {

  private final ProviderKeys keys;
  private final Clock clock;
  private final String issuer;
  private final List<String> audiences;

  Tokens(ProviderKeys keys, Clock clock, String issuer, List<String> audiences) {
    this.keys = keys;
    this.clock = clock;
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
  }

  /** A token the application should accept: right issuer, audience and key, five minutes left. */
  public TokenBuilder valid() {
    return new TokenBuilder(keys, clock, issuer, audiences);
  }

  /** Expired ten minutes ago (well past any sensible clock skew). */
  public TokenBuilder expired() {
    return valid().issuedAgo(Duration.ofMinutes(15)).expiresIn(Duration.ofMinutes(5));
  }

  /** For another API of the same provider. */
  public TokenBuilder wrongAudience() {
    return valid().audiences("https://another-api.invalid");
  }

  /** Names an issuer the application does not trust, signed with the provider's own key. */
  public TokenBuilder wrongIssuer() {
    return valid().issuer("https://untrusted-issuer.invalid");
  }

  /** Right claims, signed with a key the provider never published. */
  public TokenBuilder otherKey() {
    return valid().signedWithUnpublishedKey();
  }

  /** {@link #valid()} with {@code alg: none} and no signature. */
  public String unsigned() {
    return Forgeries.unsigned(valid().build());
  }

  /** {@link #valid()} signed with HS256 keyed by the provider's current RS256 public key (PEM). */
  public String hmacWithPublicKey() {
    return Forgeries.hmacWithPublicKey(valid().build(), publicKeyPem());
  }

  /** A genuine {@link #valid()} token whose payload then gained {@code scope: admin}. */
  public String tampered() {
    return Forgeries.tampered(valid().build(), "scope", "admin");
  }

  /** The current RS256 public key as a {@code BEGIN PUBLIC KEY} block. */
  public String publicKeyPem() {
    byte[] der = keys.current(SigningAlgorithm.RS256).getPublicKey().getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }
}
