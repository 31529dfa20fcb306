package dev.gatehouse.authz;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which clients' tokens are accepted: a deny-list, an allow-list and the application's {@link
 * ClientRegistry}, checked in that order. A refused client gets 401 {@code invalid_token} with the
 * fixed description of {@link Rejection#CLIENT_NOT_ALLOWED}.
 *
 * <p>A token that names no client passes the deny-list, but fails the allow-list and the registry:
 * when they are configured, the client must be known.
 */
public final class ClientPolicy {

  private static final ClientPolicy ANY = new ClientPolicy(Set.of(), Set.of(), null);

  private final Set<String> allowed;
  private final Set<String> denied;
  private final @Nullable ClientRegistry registry;

  private ClientPolicy(Set<String> allowed, Set<String> denied, @Nullable ClientRegistry registry) {
    this.allowed = allowed;
    this.denied = denied;
    this.registry = registry;
  }

  /** Every client is accepted. */
  public static ClientPolicy any() {
    return ANY;
  }

  /**
   * @param allowed when not empty, only these clients
   * @param denied never these clients
   * @param registry when present, asked about every client that passed the lists
   */
  public static ClientPolicy of(
      Collection<String> allowed, Collection<String> denied, Optional<ClientRegistry> registry) {
    if (allowed.isEmpty() && denied.isEmpty() && registry.isEmpty()) {
      return ANY;
    }
    return new ClientPolicy(Set.copyOf(allowed), Set.copyOf(denied), registry.orElse(null));
  }

  public Set<String> allowed() {
    return allowed;
  }

  public Set<String> denied() {
    return denied;
  }

  public Optional<ClientRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  public boolean isRestricted() {
    return this != ANY;
  }

  /**
   * @throws BearerTokenException with {@link Rejection#CLIENT_NOT_ALLOWED}
   */
  public void check(AccessToken token) {
    if (this == ANY) {
      return;
    }
    String client = token.clientId().orElse(null);
    if (client == null) {
      if (!allowed.isEmpty() || registry != null) {
        throw new BearerTokenException(Rejection.CLIENT_NOT_ALLOWED);
      }
      return;
    }
    if (denied.contains(client)
        || (!allowed.isEmpty() && !allowed.contains(client))
        || (registry != null && !registry.isActive(client))) {
      throw new BearerTokenException(Rejection.CLIENT_NOT_ALLOWED);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the client lists ({@code gatehouse.clients.*}); not thread-safe, used once. */
  public static final class Builder {
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Set<String> denied = new LinkedHashSet<>();
    private @Nullable ClientRegistry registry;

    private Builder() {}

    /** Only tokens issued to these clients ({@code azp}, else {@code client_id}) are accepted. */
    public Builder allowed(String... clientIds) {
      return allowed(Arrays.asList(clientIds));
    }

    public Builder allowed(Iterable<String> clientIds) {
      clientIds.forEach(c -> allowed.add(text(c, ConfigKey.CLIENTS_ALLOWED.property())));
      return this;
    }

    /** Tokens issued to these clients are refused, whatever else allows them. */
    public Builder denied(String... clientIds) {
      return denied(Arrays.asList(clientIds));
    }

    public Builder denied(Iterable<String> clientIds) {
      clientIds.forEach(c -> denied.add(text(c, ConfigKey.CLIENTS_DENIED.property())));
      return this;
    }

    /** The application's own record of active clients, asked after the allow- and deny-lists. */
    public Builder registry(ClientRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * @throws IllegalArgumentException when a client is both allowed and denied
     */
    public ClientPolicy build() {
      for (String client : denied) {
        if (allowed.contains(client)) {
          throw new IllegalArgumentException(
              "gatehouse.clients.allowed and gatehouse.clients.denied: both name '" + client + "'");
        }
      }
      return of(allowed, denied, Optional.ofNullable(registry));
    }

    private static String text(@Nullable String value, String property) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(property + ": a value must not be blank");
      }
      return value.trim();
    }
  }
}
