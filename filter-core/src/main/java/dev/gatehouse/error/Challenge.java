package dev.gatehouse.error;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which schemes a refusal's {@code WWW-Authenticate} names (RFC 9449 sections 7.1 and 7.2).
 *
 * @param offered the schemes this path accepts a token with
 * @param erring the schemes the error code goes on: the one the client used, or all of them when it
 *     used several at once; ignored for a refusal without an error code
 * @param dpopNonce a fresh nonce for the {@code DPoP-Nonce} header, or null
 */
public record Challenge(
    Set<AuthScheme> offered, Set<AuthScheme> erring, @Nullable String dpopNonce) {

  public Challenge {
    offered = frozen(offered);
    erring = frozen(erring);
  }

  /** The client used {@code scheme} on a path that accepts {@code offered}. */
  public static Challenge usedOn(AuthScheme scheme, Set<AuthScheme> offered) {
    return new Challenge(offered, EnumSet.of(scheme), null);
  }

  public Challenge withNonce(String nonce) {
    return new Challenge(offered, erring, Objects.requireNonNull(nonce, "nonce"));
  }

  /**
   * The schemes to write, in enum order: the erring ones with the error; the others only when there
   * is no error to report, or when the client used none of them, so that it learns what to use.
   */
  public Set<AuthScheme> written(boolean withError) {
    if (!withError || Collections.disjoint(erring, offered)) {
      EnumSet<AuthScheme> all = EnumSet.noneOf(AuthScheme.class);
      all.addAll(offered);
      if (withError) {
        all.addAll(erring);
      }
      return all;
    }
    return erring;
  }

  private static Set<AuthScheme> frozen(Set<AuthScheme> schemes) {
    return schemes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(schemes));
  }
}
