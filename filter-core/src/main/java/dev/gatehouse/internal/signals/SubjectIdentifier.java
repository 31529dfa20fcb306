package dev.gatehouse.internal.signals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an RFC 9493 subject identifier (with the Shared Signals {@code complex} and {@code jwt_id}
 * formats) names in an access token: its {@code sub}, its {@code sid}, its {@code jti}. A format
 * that names none of them, or a subject of another issuer, names nothing here.
 *
 * @param subject the tokens' {@code sub}
 * @param session the tokens' {@code sid}
 * @param tokenId one token's {@code jti}
 */
public record SubjectIdentifier(
    Optional<String> subject, Optional<String> session, Optional<String> tokenId) {

  static final SubjectIdentifier NONE =
      new SubjectIdentifier(Optional.empty(), Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return subject.isEmpty() && session.isEmpty() && tokenId.isEmpty();
  }

  /**
   * Reads {@code id}.
   *
   * @param issuers the issuers whose subjects are the tokens' subjects: the token issuer and the
   *     transmitter
   * @param emailIsSubject whether an {@code email} is the tokens' {@code sub}
   * @throws SetRefusedException when a member that must be an object is not one
   */
  static SubjectIdentifier read(
      Map<String, Object> id, List<String> issuers, boolean emailIsSubject)
      throws SetRefusedException {
    String format = JsonObjects.string(id, "format").orElse("");
    switch (format) {
      case "iss_sub" -> {
        return ofIssuer(id, issuers, "sub").map(SubjectIdentifier::ofSubject).orElse(NONE);
      }
      case "opaque" -> {
        return JsonObjects.string(id, "id").map(SubjectIdentifier::ofSubject).orElse(NONE);
      }
      case "email" -> {
        return emailIsSubject
            ? JsonObjects.string(id, "email").map(SubjectIdentifier::ofSubject).orElse(NONE)
            : NONE;
      }
      case "jwt_id" -> {
        return ofIssuer(id, issuers, "jti")
            .map(jti -> new SubjectIdentifier(Optional.empty(), Optional.empty(), Optional.of(jti)))
            .orElse(NONE);
      }
      case "complex" -> {
        return complex(id, issuers, emailIsSubject);
      }
      default -> {
        return NONE;
      }
    }
  }

  /** {@code user} names the subject; {@code session}, an opaque id, names the session. */
  private static SubjectIdentifier complex(
      Map<String, Object> id, List<String> issuers, boolean emailIsSubject)
      throws SetRefusedException {
    Optional<Map<String, Object>> user = JsonObjects.optionalObject(id, "user");
    SubjectIdentifier named =
        user.isPresent() ? read(user.get(), issuers, emailIsSubject) : SubjectIdentifier.NONE;
    Optional<Map<String, Object>> session = JsonObjects.optionalObject(id, "session");
    Optional<String> sid =
        session
            .filter(s -> "opaque".equals(s.get("format")))
            .flatMap(s -> JsonObjects.string(s, "id"));
    return new SubjectIdentifier(named.subject, sid, named.tokenId);
  }

  private static Optional<String> ofIssuer(
      Map<String, Object> id, List<String> issuers, String member) {
    return JsonObjects.string(id, "iss")
        .filter(issuers::contains)
        .flatMap(iss -> JsonObjects.string(id, member));
  }

  private static SubjectIdentifier ofSubject(String sub) {
    return new SubjectIdentifier(Optional.of(sub), Optional.empty(), Optional.empty());
  }
}
