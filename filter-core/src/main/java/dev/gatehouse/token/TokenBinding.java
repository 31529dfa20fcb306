package dev.gatehouse.token;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sender-constrained token is bound to, from its {@code cnf} claim (RFC 7800), or from the
 * introspection response's {@code cnf} for an opaque token.
 *
 * @param kind which confirmation method the token names
 * @param thumbprint the base64url SHA-256 thumbprint it names: of a JWK (RFC 7638) for {@link
 *     Kind#JKT}, of a DER certificate for {@link Kind#X5T_S256}
 */
public record TokenBinding(Kind kind, String thumbprint) {

  /** The confirmation methods Gatehouse checks. */
  public enum Kind {
    /** {@code cnf.jkt}: bound to a DPoP key (RFC 9449 section 6). */
    JKT("jkt"),
    /** {@code cnf.x5t#S256}: bound to a TLS client certificate (RFC 8705 section 3). */
    X5T_S256("x5t#S256");

    private final String member;

    Kind(String member) {
      this.member = member;
    }

    /** The member of {@code cnf} that holds the thumbprint. */
    public String member() {
      return member;
    }
  }

  public TokenBinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(thumbprint, "thumbprint");
  }

  /**
   * The binding a token's claims name: {@code cnf.jkt} before {@code cnf.x5t#S256}; none when
   * {@code cnf} is absent, not an object, or names neither as a non-empty string.
   */
  static Optional<TokenBinding> of(Map<String, Object> claims) {
    if (!(claims.get("cnf") instanceof Map<?, ?> cnf)) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (cnf.get(kind.member()) instanceof String value && !value.isEmpty()) {
        return Optional.of(new TokenBinding(kind, value));
      }
    }
    return Optional.empty();
  }
}
