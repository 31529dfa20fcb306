package dev.gatehouse.verify;

import java.util.Map;

/** Reads a JWT payload as jose4j would, quickly for plain JSON: {@link PlainJson}, else jose4j. */
final class ClaimsJson {

  private ClaimsJson() {}

  /** The JSON object {@code json} holds; null when jose4j's parser refuses it. */
  static Map<String, Object> object(String json) {
    Map<String, Object> plain = PlainJson.object(json);
    return plain != PlainJson.UNSURE ? plain : StrictJson.object(json);
  }
}
