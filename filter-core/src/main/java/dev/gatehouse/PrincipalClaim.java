package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.config.ClaimPath;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenPrincipal;
import java.util.Optional;

/**
 * The claim that names the caller ({@code gatehouse.principal-claim}): {@code getUserPrincipal()},
 * {@code getRemoteUser()}, CDI's caller and the subject identity header all carry its value.
 *
 * <p>Any other claim than {@code sub} must be a non-empty string in every token, or the token is
 * refused: an identity that silently turns into another claim's value (a UUID instead of a user
 * name, or a client id) would let one caller be taken for another in the application's records.
 * {@code sub}, the default, keeps its long-standing rule: a token without it (a client's own token)
 * is named by its client id.
 */
public final class PrincipalClaim {

  public static final String DEFAULT = "sub";

  private final ClaimPath path;

  private PrincipalClaim(ClaimPath path) {
    this.path = path;
  }

  /**
   * A top-level name or a path, as for scope claims ({@link ClaimPath}).
   *
   * @throws IllegalArgumentException naming {@code gatehouse.principal-claim} when it is not one
   */
  public static PrincipalClaim of(String name) {
    return new PrincipalClaim(ClaimPath.of(name, ConfigKey.PRINCIPAL_CLAIM.property()));
  }

  public static PrincipalClaim defaults() {
    return of(DEFAULT);
  }

  public String name() {
    return path.name();
  }

  /** The claim's value in {@code token}, if it has one as the caller's name must be. */
  public Optional<String> valueIn(AccessToken token) {
    if (isSub()) {
      return token.subject();
    }
    return path.read(token.claims()) instanceof String s && !s.isEmpty()
        ? Optional.of(s)
        : Optional.empty();
  }

  /**
   * The principal the container and CDI answer for {@code token}.
   *
   * @throws BearerTokenException {@code principal_claim_missing} when a claim other than {@code
   *     sub} is absent, empty or not a string
   */
  public TokenPrincipal principalOf(AccessToken token) {
    if (isSub()) {
      return new TokenPrincipal(token.subject().or(token::clientId).orElse(""), token);
    }
    String name =
        valueIn(token)
            .orElseThrow(() -> new BearerTokenException(Rejection.PRINCIPAL_CLAIM_MISSING));
    return new TokenPrincipal(name, token);
  }

  private boolean isSub() {
    return DEFAULT.equals(path.name());
  }

  @Override
  public String toString() {
    return "PrincipalClaim[" + path.name() + "]";
  }
}
