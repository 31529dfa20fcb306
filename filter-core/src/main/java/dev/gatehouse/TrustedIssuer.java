package dev.gatehouse;

import dev.gatehouse.internal.outbound.IssuerNames;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One issuer whose JWT access tokens are accepted, with its own audiences and keys. The token's
 * unverified {@code iss} selects the issuer; an issuer that is not configured is never contacted.
 *
 * <p>Audiences left empty are taken from the configuration's {@link
 * GatehouseConfigBuilder#audiences}. Keys come from discovery unless a JWKS URL or a static key is
 * given.
 */
public final class TrustedIssuer {

  private final @Nullable String name;
  private final URI issuer;
  private final Set<String> audiences;
  private final @Nullable URI jwksUri;
  private final @Nullable String publicKey;

  private TrustedIssuer(Builder b, Set<String> audiences) {
    this.name = b.name;
    this.issuer = b.issuer;
    this.audiences = Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
    this.jwksUri = b.jwksUri;
    this.publicKey = b.publicKey;
  }

  /**
   * @param issuer a URL compared exactly with {@code iss}, or a bare host name such as {@code
   *     tenant.auth0.com}, which becomes {@code https://tenant.auth0.com/}
   */
  public static Builder forIssuer(String issuer) {
    return named(null, issuer);
  }

  /**
   * @param name the name used in configuration keys ({@code gatehouse.issuers.<name>.*}) and in
   *     error messages
   */
  public static Builder named(@Nullable String name, String issuer) {
    String property = name == null ? "issuer" : "gatehouse.issuers." + name + ".issuer";
    return new Builder(name, IssuerNames.normalise(issuer, property));
  }

  /** The name from the configuration, or the issuer URL when none was given. */
  public String name() {
    return name != null ? name : issuer.toString();
  }

  public URI issuer() {
    return issuer;
  }

  /** Empty until the configuration fills it in from its own audiences. */
  public Set<String> audiences() {
    return audiences;
  }

  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  public Optional<String> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /** The configuration-key prefix of this issuer, for error messages. */
  String property(String suffix) {
    return name == null
        ? "trustIssuer(" + issuer + ")." + suffix
        : "gatehouse.issuers." + name + "." + suffix;
  }

  /** The issuer of {@code GatehouseConfig.forIssuer}: no name, keys from discovery for now. */
  static TrustedIssuer unnamed(String issuer) {
    return new Builder(null, IssuerNames.normalise(issuer)).build();
  }

  /** This issuer with its keys fetched from {@code uri}. */
  TrustedIssuer withJwksUri(URI uri) {
    Builder b = copy();
    b.jwksUri = Objects.requireNonNull(uri, "jwksUri");
    return new TrustedIssuer(b, audiences);
  }

  /** This issuer with its keys given as text, checked when the configuration is built. */
  TrustedIssuer withPublicKey(String pemOrJwks) {
    Builder b = copy();
    b.publicKey = pemOrJwks;
    return new TrustedIssuer(b, audiences);
  }

  private Builder copy() {
    Builder b = new Builder(name, issuer);
    b.jwksUri = jwksUri;
    b.publicKey = publicKey;
    return b;
  }

  /** This issuer with exactly {@code given} as audiences. */
  TrustedIssuer withOnlyAudiences(Set<String> given) {
    return new TrustedIssuer(copy(), given);
  }

  /** This issuer with {@code fallback} as audiences when it has none of its own. */
  TrustedIssuer withAudiences(Set<String> fallback) {
    if (!audiences.isEmpty()) {
      return this;
    }
    return new TrustedIssuer(copy(), fallback);
  }

  @Override
  public String toString() {
    return "TrustedIssuer[" + name() + ", " + issuer + "]";
  }

  /** Collects one issuer's settings; not thread-safe, used once. */
  public static final class Builder {
    private final @Nullable String name;
    private final URI issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private @Nullable URI jwksUri;
    private @Nullable String publicKey;

    private Builder(@Nullable String name, URI issuer) {
      this.name = name;
      this.issuer = issuer;
    }

    /** Audiences of which this issuer's tokens must name at least one in {@code aud}. */
    public Builder audiences(String... audiences) {
      return audiences(Arrays.asList(audiences));
    }

    public Builder audiences(Iterable<String> audiences) {
      for (String a : audiences) {
        if (a == null || a.isBlank()) {
          throw new IllegalArgumentException(prefix() + "audiences: a value must not be blank");
        }
        this.audiences.add(a.trim());
      }
      return this;
    }

    /** Fetches this issuer's keys from this JWKS URL instead of its discovery document's. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
      return this;
    }

    /** Verifies this issuer's tokens with a PEM public key or a JWKS JSON document; no fetching. */
    public Builder publicKey(String pemOrJwks) {
      if (pemOrJwks == null || pemOrJwks.isBlank()) {
        throw new IllegalArgumentException(prefix() + "public-key: a value must not be blank");
      }
      this.publicKey = pemOrJwks.trim();
      return this;
    }

    /**
     * @throws IllegalArgumentException when both a JWKS URL and a static key were given
     */
    public TrustedIssuer build() {
      if (jwksUri != null && publicKey != null) {
        throw new IllegalArgumentException(
            prefix()
                + "jwks-uri and "
                + prefix()
                + "public-key: configure one key source, not both");
      }
      return new TrustedIssuer(this, audiences);
    }

    private String prefix() {
      return name == null ? "" : "gatehouse.issuers." + name + ".";
    }
  }
}
