package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.error.StepUpRequirement;
import dev.gatehouse.sender.DpopMode;
import dev.gatehouse.token.AccessToken;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a path rule asks of a request: nothing, a valid token, certain scopes, or refusal; and, when
 * the rule says so, whether the token may or must be DPoP-bound and whether its proofs need a
 * server nonce.
 */
public final class Access {

  /** The kinds of access, in the words of the rule syntax. */
  public enum Kind {
    /** No token is needed, and none is looked at. */
    PUBLIC,
    /** Any valid token. */
    AUTHENTICATED,
    /** Every request is refused with 403, before any token work. */
    DENY,
    /** A valid token with all of the scopes. */
    ALL_SCOPES,
    /** A valid token with at least one of the scopes. */
    ANY_SCOPE
  }

  private static final Access PUBLIC = new Access(Kind.PUBLIC, Set.of());
  private static final Access AUTHENTICATED = new Access(Kind.AUTHENTICATED, Set.of());
  private static final Access DENY = new Access(Kind.DENY, Set.of());

  private final Kind kind;
  private final Set<String> scopes;
  private final StepUpRequirement stepUp;
  private final @Nullable DpopMode dpop;
  private final @Nullable Boolean dpopNonce;

  private Access(Kind kind, Set<String> scopes) {
    this(kind, scopes, StepUpRequirement.NONE, null, null);
  }

  private Access(
      Kind kind,
      Set<String> scopes,
      StepUpRequirement stepUp,
      @Nullable DpopMode dpop,
      @Nullable Boolean dpopNonce) {
    this.kind = kind;
    this.scopes = scopes;
    this.stepUp = stepUp;
    this.dpop = dpop;
    this.dpopNonce = dpopNonce;
  }

  /**
   * The same access with the DPoP scheme off, allowed or required on it, whatever the filter's
   * default.
   *
   * @throws IllegalArgumentException for access that needs no token ({@code public}, {@code deny})
   */
  public Access withDpop(DpopMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (!needsToken()) {
      throw new IllegalArgumentException("dpop= applies only to access that needs a token");
    }
    return new Access(kind, scopes, stepUp, mode, dpopNonce);
  }

  /**
   * The same access with server nonces (RFC 9449 section 9) required, or not, in its DPoP proofs,
   * whatever the filter's {@code gatehouse.dpop.nonce}.
   *
   * @throws IllegalArgumentException for access that needs no token ({@code public}, {@code deny})
   */
  public Access withDpopNonce(boolean required) {
    if (!needsToken()) {
      throw new IllegalArgumentException("nonce= applies only to access that needs a token");
    }
    return new Access(kind, scopes, stepUp, dpop, required);
  }

  /** Whether the rule requires DPoP nonces; empty when the filter's default applies. */
  public Optional<Boolean> dpopNonce() {
    return Optional.ofNullable(dpopNonce);
  }

  /** The rule's own DPoP mode; empty when the filter's default applies. */
  public Optional<DpopMode> dpop() {
    return Optional.ofNullable(dpop);
  }

  public static Access publicAccess() {
    return PUBLIC;
  }

  public static Access authenticated() {
    return AUTHENTICATED;
  }

  public static Access deny() {
    return DENY;
  }

  public static Access allScopes(String... scopes) {
    return allScopes(Arrays.asList(scopes));
  }

  public static Access allScopes(Collection<String> scopes) {
    return new Access(Kind.ALL_SCOPES, scopeSet(scopes));
  }

  public static Access anyScope(String... scopes) {
    return anyScope(Arrays.asList(scopes));
  }

  public static Access anyScope(Collection<String> scopes) {
    return new Access(Kind.ANY_SCOPE, scopeSet(scopes));
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#ALL_SCOPES} and {@link Kind#ANY_SCOPE}; empty otherwise. */
  public Set<String> scopes() {
    return scopes;
  }

  /**
   * The same access, also asking the user's authentication to meet {@code stepUp} (RFC 9470), which
   * the access checks apply.
   *
   * @throws IllegalArgumentException for an access that looks at no token (public, deny)
   */
  public Access withStepUp(StepUpRequirement stepUp) {
    if (!needsToken() && !stepUp.isEmpty()) {
      throw new IllegalArgumentException("acr and max-age apply only to a rule that needs a token");
    }
    return new Access(kind, scopes, stepUp, dpop, dpopNonce);
  }

  /** What the user's authentication must meet; {@link StepUpRequirement#NONE} by default. */
  public StepUpRequirement stepUp() {
    return stepUp;
  }

  /** True when the request needs a verified token. */
  public boolean needsToken() {
    return kind != Kind.PUBLIC && kind != Kind.DENY;
  }

  /**
   * Refuses with 403 {@code insufficient_scope}, naming the scopes in the {@code scope} parameter
   * (for {@link Kind#ANY_SCOPE}, the alternatives), unless the token's scopes satisfy this access.
   */
  public void check(AccessToken token) {
    boolean granted =
        switch (kind) {
          case PUBLIC, AUTHENTICATED -> true;
          case DENY -> false;
          case ALL_SCOPES -> token.scopes().containsAll(scopes);
          case ANY_SCOPE -> scopes.stream().anyMatch(token::hasScope);
        };
    if (!granted) {
      throw kind == Kind.DENY
          ? new BearerTokenException(Rejection.PATH_DENIED)
          : new BearerTokenException(Rejection.INSUFFICIENT_SCOPE, scopes);
    }
  }

  /** Same kind, scopes, step-up and DPoP mode: the same decision for every token. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Access other
        && kind == other.kind
        && scopes.equals(other.scopes)
        && stepUp.equals(other.stepUp)
        && dpop == other.dpop
        && Objects.equals(dpopNonce, other.dpopNonce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, scopes, stepUp, dpop, dpopNonce);
  }

  /**
   * In the rule syntax: {@code public}, {@code authenticated}, {@code deny}, {@code scopes=a,b},
   * {@code any=a,b}, followed by {@code dpop=...} and {@code nonce=...} when the rule says.
   */
  @Override
  public String toString() {
    String access =
        switch (kind) {
          case PUBLIC -> "public";
          case AUTHENTICATED -> "authenticated";
          case DENY -> "deny";
          case ALL_SCOPES -> "scopes=" + String.join(",", scopes);
          case ANY_SCOPE -> "any=" + String.join(",", scopes);
        };
    return access
        + (stepUp.acrValues().isEmpty() ? "" : " acr=" + String.join(",", stepUp.acrValues()))
        + stepUp.maxAgeIfAny().map(age -> " max-age=" + age.toSeconds() + "s").orElse("")
        + (dpop == null ? "" : " " + RuleSyntax.DPOP_OPTION + dpop.word())
        + (dpopNonce == null ? "" : " " + RuleSyntax.NONCE_OPTION + (dpopNonce ? "on" : "off"));
  }

  private static Set<String> scopeSet(Collection<String> scopes) {
    Set<String> set = new LinkedHashSet<>();
    for (String scope : scopes) {
      if (scope == null || scope.isBlank() || !scope.equals(scope.strip()) || scope.contains(" ")) {
        throw new IllegalArgumentException("'" + scope + "' is not a scope");
      }
      set.add(scope);
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("at least one scope is required");
    }
    return Collections.unmodifiableSet(set);
  }
}
