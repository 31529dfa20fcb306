package dev.gatehouse.token;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sender-constrained access token is bound to, read from its {@code cnf} claim (RFC 7800): a
 * DPoP key (RFC 9449, {@code cnf.jkt}) or a client certificate (RFC 8705, {@code cnf.x5t#S256}).
 *
 * @param kind which confirmation member the token carries
 * @param thumbprint its value, base64url SHA-256, exactly as the token carries it
 */
public record TokenBinding(Kind kind, String thumbprint) {

  /** The confirmation methods Gatehouse checks. */
  public enum Kind {
    /** {@code cnf.jkt}: the RFC 7638 thumbprint of the client's DPoP key. */
    JKT("jkt"),
    /** {@code cnf.x5t#S256}: the SHA-256 thumbprint of the client's certificate. */
    X5T_S256("x5t#S256");

    private final String member;

    Kind(String member) {
      this.member = member;
    }

    /** The member name inside {@code cnf}. */
    public String member() {
      return member;
    }
  }

  public TokenBinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(thumbprint, "thumbprint");
  }

  /**
   * The binding of {@code kind} in these claims. A member that is present but not a string is
   * returned with an empty thumbprint, which matches no key or certificate: a token that says it is
   * bound must never pass as unbound because its binding is malformed.
   */
  public static Optional<TokenBinding> in(Map<String, ?> claims, Kind kind) {
    if (!(claims.get("cnf") instanceof Map<?, ?> cnf) || !cnf.containsKey(kind.member())) {
      return Optional.empty();
    }
    Object value = cnf.get(kind.member());
    return Optional.of(new TokenBinding(kind, value instanceof String s ? s : ""));
  }
}
