package dev.gatehouse.internal.lean;

import dev.gatehouse.error.Rejection;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * jose4j's own JSON rules, through its public {@code JsonUtil.parseJson}: one object at the root,
 * member names unique (RFC 7519 section 4: a JWT with a repeated claim name is refused). Used only
 * where {@link PlainJson} is undecided (fractions, exponents, long numbers, repeated names, odd
 * text), so the parser jose4j makes per call costs nothing on the common token.
 */
final class StrictJson {

  private StrictJson() {}

  /**
   * The JSON object {@code json} holds, as jose4j reads it (Long, Double, Boolean, String, List,
   * Map); refused as malformed when it is not one JSON object or repeats a member name.
   */
  static Verdict<Map<String, Object>> object(String json) {
    try {
      return Verdict.accepted(JsonUtil.parseJson(json));
    } catch (JoseException e) {
      return Verdict.refused(Rejection.MALFORMED_TOKEN);
    }
  }
}
