package dev.gatehouse.internal.signals;

import dev.gatehouse.store.Revocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the events of a verified SET into revocations of the token issuer's access tokens.
 *
 * <p>CAEP {@code session-revoked} revokes the session ({@code sid}) when the subject names one,
 * else the subject; {@code credential-change}, {@code token-claims-change}, RISC {@code
 * account-disabled} and {@code sessions-revoked} revoke the subject; a {@code jwt_id} subject
 * revokes that one token. Each revokes the tokens issued up to the event's {@code event_timestamp}
 * (the SET's {@code iat} without one, never later than now, so a clock ahead at the transmitter
 * cannot revoke tokens not yet issued) and is kept for the longest token lifetime after it. Other
 * event types are acknowledged and ignored, as RFC 8935 section 2 has it.
 */
public final class EventMapping {

  static final String CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
  static final String RISC = "https://schemas.openid.net/secevent/risc/event-type/";
  static final String SESSION_REVOKED = CAEP + "session-revoked";

  static final Set<String> SUBJECT_EVENTS =
      Set.of(
          SESSION_REVOKED,
          CAEP + "credential-change",
          CAEP + "token-claims-change",
          RISC + "account-disabled",
          RISC + "sessions-revoked");

  /**
   * @param revocations what to write to the store
   * @param unknownEvents events of a type this receiver does not act on
   * @param unmappedEvents known events whose subject names nothing in this issuer's tokens
   */
  public record Result(List<Revocation> revocations, int unknownEvents, int unmappedEvents) {}

  private final String tokenIssuer;
  private final List<String> subjectIssuers;
  private final boolean emailIsSubject;
  private final Duration maxTokenLifetime;
  private final Clock clock;

  /**
   * @param tokenIssuer the {@code iss} of the revoked access tokens
   * @param transmitterIssuer also accepted as the issuer of {@code iss_sub} and {@code jwt_id}
   *     subjects (a provider transmitting for its own tokens)
   */
  public EventMapping(
      String tokenIssuer,
      String transmitterIssuer,
      boolean emailIsSubject,
      Duration maxTokenLifetime,
      Clock clock) {
    this.tokenIssuer = Objects.requireNonNull(tokenIssuer, "tokenIssuer");
    this.subjectIssuers = List.of(tokenIssuer, transmitterIssuer);
    this.emailIsSubject = emailIsSubject;
    this.maxTokenLifetime = maxTokenLifetime;
    this.clock = clock;
  }

  /**
   * @throws SetRefusedException when a known event names no subject at all (RFC 8935: the event
   *     does not conform to its definition)
   */
  public Result map(VerifiedSet set) throws SetRefusedException {
    List<Revocation> revocations = new ArrayList<>();
    int unknown = 0;
    int unmapped = 0;
    Instant now = clock.instant();
    for (Map.Entry<String, Map<String, Object>> event : set.events().entrySet()) {
      if (!SUBJECT_EVENTS.contains(event.getKey())) {
        unknown++;
        continue;
      }
      Map<String, Object> payload = event.getValue();
      Optional<Map<String, Object>> subject = JsonObjects.optionalObject(payload, "subject");
      Map<String, Object> subjectId =
          subject
              .or(set::subject)
              .orElseThrow(
                  () -> new SetRefusedException(SetError.INVALID_REQUEST, "event without subject"));
      SubjectIdentifier id = SubjectIdentifier.read(subjectId, subjectIssuers, emailIsSubject);
      if (id.isEmpty()) {
        unmapped++;
        continue;
      }
      Instant issuedBefore = eventTime(payload, set.issuedAt(), now);
      Instant until = issuedBefore.plus(maxTokenLifetime);
      if (!until.isAfter(now)) {
        continue; // every token it could refuse has expired
      }
      List<Revocation> found = revocations(event.getKey(), id, issuedBefore, until);
      if (found.isEmpty()) {
        unmapped++; // a session alone names no subject for a credential change
      }
      revocations.addAll(found);
    }
    return new Result(List.copyOf(revocations), unknown, unmapped);
  }

  private List<Revocation> revocations(
      String type, SubjectIdentifier id, Instant issuedBefore, Instant until) {
    List<Revocation> out = new ArrayList<>();
    id.tokenId().ifPresent(jti -> out.add(Revocation.ofTokenId(tokenIssuer, jti, until)));
    if (type.equals(SESSION_REVOKED) && id.session().isPresent()) {
      out.add(Revocation.ofSession(tokenIssuer, id.session().get(), issuedBefore, until));
    } else {
      id.subject()
          .ifPresent(sub -> out.add(Revocation.ofSubject(tokenIssuer, sub, issuedBefore, until)));
    }
    return out;
  }

  private static Instant eventTime(Map<String, Object> payload, Instant iat, Instant now) {
    Instant at =
        JsonObjects.seconds(payload, "event_timestamp").map(Instant::ofEpochSecond).orElse(iat);
    return at.isAfter(now) ? now : at;
  }
}
