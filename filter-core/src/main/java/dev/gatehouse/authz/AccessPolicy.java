package dev.gatehouse.authz;

import dev.gatehouse.config.ConfigKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a verified token must also satisfy, apart from its path rule: the client lists, the claim
 * conditions, the required scopes and the application's own rule. Where revoked token ids are kept
 * is not part of it: the access checks take the store beside it, so that a configuration never
 * holds live state.
 *
 * @param requiredScopes scopes every token must carry, all of them
 * @param clients which clients' tokens are accepted
 * @param claims conditions on claims, each of which every token must meet
 * @param rule the application's own check, run last
 */
public record AccessPolicy(
    Set<String> requiredScopes,
    ClientPolicy clients,
    List<ClaimRequirement> claims,
    Optional<AccessRule> rule) {

  public AccessPolicy {
    requiredScopes = Collections.unmodifiableSet(new LinkedHashSet<>(requiredScopes));
    Objects.requireNonNull(clients, "clients");
    claims = List.copyOf(claims);
    Objects.requireNonNull(rule, "rule");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the access settings; not thread-safe, used once. */
  public static final class Builder {
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private final ClientPolicy.Builder clients = ClientPolicy.builder();
    private final List<ClaimRequirement> claims = new ArrayList<>();
    private @Nullable AccessRule rule;

    private Builder() {}

    /** Scopes that every token must carry, all of them. */
    public Builder requiredScopes(Iterable<String> scopes) {
      for (String scope : scopes) {
        if (scope == null || scope.isBlank()) {
          throw new IllegalArgumentException(
              ConfigKey.REQUIRED_SCOPES.property() + ": a value must not be blank");
        }
        requiredScopes.add(scope.trim());
      }
      return this;
    }

    /** The client lists and registry, collected by the caller. */
    public Builder clients(Consumer<ClientPolicy.Builder> settings) {
      settings.accept(clients);
      return this;
    }

    /** Every token must meet this condition on one of its claims. */
    public Builder requireClaim(ClaimRequirement requirement) {
      claims.add(Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /** The application's own check, run on every verified token after the required scopes. */
    public Builder rule(AccessRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * @throws IllegalArgumentException when a client is both allowed and denied
     */
    public AccessPolicy build() {
      return new AccessPolicy(requiredScopes, clients.build(), claims, Optional.ofNullable(rule));
    }
  }
}
