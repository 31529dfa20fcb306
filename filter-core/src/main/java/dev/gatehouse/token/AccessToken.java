package dev.gatehouse.token;

import jakarta.servlet.ServletRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A verified access token, as the application sees it. Immutable; holds no jose4j type.
 *
 * <p>Read it in a servlet with {@link #from(ServletRequest)}, or inject it with CDI (see {@code
 * dev.gatehouse.cdi}).
 *
 * <p>Not meant to be subclassed: the class is not {@code final} only so that a CDI container can
 * put a request-scoped client proxy in front of it.
 */
public class AccessToken {

  /** Request attribute under which the filter stores the verified token. */
  public static final String ATTRIBUTE = "dev.gatehouse.access_token";

  /**
   * Request attribute holding the caller's {@link TokenPrincipal}, named by the configured
   * principal claim ({@code sub} by default).
   */
  public static final String PRINCIPAL_ATTRIBUTE = "dev.gatehouse.principal";

  /** Request attribute holding the token's scopes as an unmodifiable {@code Set<String>}. */
  public static final String SCOPES_ATTRIBUTE = "dev.gatehouse.scopes";

  private final @Nullable String subject;
  private final String issuer;
  private final List<String> audiences;
  private final Set<String> scopes;
  private final Set<String> permissions;
  private final @Nullable String clientId;
  private final @Nullable Instant issuedAt;
  private final Instant expiresAt;
  private final @Nullable String tokenId;
  private final Map<String, Object> claims;

  /**
   * For CDI client proxies only (CDI requires a non-private no-argument constructor for them). The
   * instance it makes carries no values; a proxy forwards every call to the request's real token.
   */
  @SuppressWarnings("NullAway") // a proxy's own fields are never read
  protected AccessToken() {
    this.subject = null;
    this.issuer = null;
    this.audiences = List.of();
    this.scopes = Set.of();
    this.permissions = Set.of();
    this.clientId = null;
    this.issuedAt = null;
    this.expiresAt = null;
    this.tokenId = null;
    this.claims = Map.of();
  }

  private AccessToken(Builder b) {
    this.subject = b.subject;
    this.issuer = Objects.requireNonNull(b.issuer, "issuer");
    this.audiences = List.copyOf(b.audiences);
    this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(b.scopes));
    this.permissions = Collections.unmodifiableSet(new LinkedHashSet<>(b.permissions));
    this.clientId = b.clientId;
    this.issuedAt = b.issuedAt;
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
    this.tokenId = b.tokenId;
    this.claims = FrozenClaims.copyOf(b.claims);
  }

  /** The verified token of this request, if the filter let it through with one. */
  public static Optional<AccessToken> from(ServletRequest request) {
    Object value = request.getAttribute(ATTRIBUTE);
    return value instanceof AccessToken token ? Optional.of(token) : Optional.empty();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code sub}; empty when the token has none. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public String issuer() {
    return issuer;
  }

  public List<String> audiences() {
    return audiences;
  }

  /**
   * The union of the configured scope claims ({@code scope}, {@code scp}, {@code permissions} by
   * default; nested paths such as {@code realm_access.roles} when configured).
   */
  public Set<String> scopes() {
    return scopes;
  }

  /** Auth0's {@code permissions} array alone. */
  public Set<String> permissions() {
    return permissions;
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** The client the token was issued to: {@code azp}, else {@code client_id}. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** {@code jti}. */
  public Optional<String> tokenId() {
    return Optional.ofNullable(tokenId);
  }

  /** All claims, as JSON types: String, Long, Double, Boolean, List and Map, all unmodifiable. */
  public Map<String, Object> claims() {
    return claims;
  }

  public Optional<Object> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }

  /**
   * What the token is bound to by its {@code cnf} claim, from the JWT or the introspection
   * response; empty for a plain bearer token. A token carrying both members reports its DPoP key
   * here; the filter checks each member it carries all the same.
   */
  public Optional<TokenBinding> binding() {
    Optional<TokenBinding> key = TokenBinding.in(claims, TokenBinding.Kind.JKT);
    return key.isPresent() ? key : TokenBinding.in(claims, TokenBinding.Kind.X5T_S256);
  }

  /** Names the subject and client only: a token's claims must not reach logs by accident. */
  @Override
  public String toString() {
    return "AccessToken[subject="
        + subject
        + ", clientId="
        + clientId
        + ", expiresAt="
        + expiresAt
        + "]";
  }

  /** Builds tokens for verifiers and tests. */
  public static final class Builder {
    private @Nullable String subject;
    private @Nullable String issuer;
    private List<String> audiences = List.of();
    private Set<String> scopes = Set.of();
    private Set<String> permissions = Set.of();
    private @Nullable String clientId;
    private @Nullable Instant issuedAt;
    private @Nullable Instant expiresAt;
    private @Nullable String tokenId;
    private Map<String, ?> claims = Map.of();

    private Builder() {}

    public Builder subject(@Nullable String subject) {
      this.subject = subject;
      return this;
    }

    public Builder issuer(@Nullable String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder audiences(List<String> audiences) {
      this.audiences = audiences;
      return this;
    }

    public Builder scopes(Set<String> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Builder permissions(Set<String> permissions) {
      this.permissions = permissions;
      return this;
    }

    public Builder clientId(@Nullable String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder issuedAt(@Nullable Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    public Builder expiresAt(@Nullable Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public Builder tokenId(@Nullable String tokenId) {
      this.tokenId = tokenId;
      return this;
    }

    public Builder claims(Map<String, ?> claims) {
      this.claims = claims;
      return this;
    }

    public AccessToken build() {
      return new AccessToken(this);
    }
  }
}
