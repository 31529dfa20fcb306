package dev.gatehouse.internal.signals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A SET whose signature, issuer, audience, {@code typ} and {@code iat} were checked.
 *
 * @param jti its identifier
 * @param issuedAt its {@code iat}
 * @param subject the SET-level {@code sub_id} (Shared Signals), if present
 * @param events the {@code events} claim: event type URI to event payload (a JSON object)
 */
public record VerifiedSet(
    String jti,
    Instant issuedAt,
    Optional<Map<String, Object>> subject,
    Map<String, Map<String, Object>> events) {}
