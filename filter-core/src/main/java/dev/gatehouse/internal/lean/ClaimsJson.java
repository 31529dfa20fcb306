package dev.gatehouse.internal.lean;

import java.util.Map;

/**
 * Reads a JWT payload as jose4j would, quickly for plain JSON: {@link PlainJson}, else jose4j's
 * parser ({@link StrictJson}). Always decides: the object, or refused as malformed.
 */
public final class ClaimsJson {

  private ClaimsJson() {}

  /** The JSON object {@code json} holds, or refused ({@code malformed_token}) as jose4j would. */
  public static Verdict<Map<String, Object>> object(String json) {
    Verdict<Map<String, Object>> plain = PlainJson.object(json);
    return plain instanceof Verdict.Undecided ? StrictJson.object(json) : plain;
  }
}
