package dev.gatehouse.signals;

import dev.gatehouse.testing.TestTokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A transmitter minting Security Event Tokens at test time, signed with {@code TestKeys.RSA} as the
 * local provider publishes it.
 */
final class SetMinter {

  static final String RECEIVER = "https://api.gatehouse.test/signals";
  static final String TOKEN_ISSUER = "https://idp.gatehouse.test/";
  static final String CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
  static final String RISC = "https://schemas.openid.net/secevent/risc/event-type/";
  static final String SESSION_REVOKED = CAEP + "session-revoked";
  static final String CREDENTIAL_CHANGE = CAEP + "credential-change";
  static final String TOKEN_CLAIMS_CHANGE = CAEP + "token-claims-change";
  static final String ACCOUNT_DISABLED = RISC + "account-disabled";

  private final TestTokens tokens;

  SetMinter(String transmitterIssuer) {
    this.tokens = new TestTokens(transmitterIssuer);
  }

  /** A SET issued at {@code iat} with one event, its subject in {@code sub_id} (SSF 1.0). */
  TestTokens.Builder about(Instant iat, String eventType, Map<String, Object> subject) {
    return withPayload(iat, eventType, Map.of()).claim("sub_id", subject);
  }

  /** A SET issued at {@code iat} with one event carrying {@code payload} as it is. */
  TestTokens.Builder withPayload(Instant iat, String eventType, Map<String, Object> payload) {
    return tokens
        .validAt(iat)
        .typ("secevent+jwt")
        .without("exp")
        .without("scope")
        .without("sub")
        .audience(RECEIVER)
        .claim("jti", UUID.randomUUID().toString())
        .claim("events", Map.of(eventType, payload));
  }

  static Map<String, Object> issSub(String iss, String sub) {
    return Map.of("format", "iss_sub", "iss", iss, "sub", sub);
  }

  static Map<String, Object> opaque(String id) {
    return Map.of("format", "opaque", "id", id);
  }

  static Map<String, Object> email(String email) {
    return Map.of("format", "email", "email", email);
  }

  static Map<String, Object> jwtId(String iss, String jti) {
    return Map.of("format", "jwt_id", "iss", iss, "jti", jti);
  }

  /** Shared Signals' {@code complex} subject: a user and the session of that user. */
  static Map<String, Object> userSession(String sub, String sid) {
    Map<String, Object> complex = new LinkedHashMap<>();
    complex.put("format", "complex");
    complex.put("user", issSub(TOKEN_ISSUER, sub));
    complex.put("session", opaque(sid));
    return complex;
  }

  static Map<String, Object> eventAt(Instant eventTimestamp, Map<String, Object> subject) {
    return Map.of("event_timestamp", eventTimestamp.getEpochSecond(), "subject", subject);
  }
}
