package dev.gatehouse.internal.lean;

import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/**
 * Which trusted keys may verify a token with a given header, in a given key set: made by one {@link
 * KeySelection} and read by both paths (jose4j's, through the key resolver, and the fast path), so
 * they cannot pick differently.
 */
public sealed interface KeyChoice {

  /** Exactly one trusted key fits the header. */
  record One(JsonWebKey key) implements KeyChoice {}

  /** Several fit (the same kid, or none named): the one whose signature verifies decides. */
  record Several(List<JsonWebKey> keys) implements KeyChoice {
    public Several {
      keys = List.copyOf(keys);
    }
  }

  /**
   * None is named by the header's {@code kid}, but these trusted keys published without a kid (such
   * as a configured PEM key) are of the algorithm's key type and allowed for it: each may still
   * verify the token, in this order. Possibly empty.
   */
  record Unnamed(List<JsonWebKey> keys) implements KeyChoice {
    public Unnamed {
      keys = List.copyOf(keys);
    }
  }

  /** The header names no kid and no trusted key fits it. */
  record None() implements KeyChoice {}
}
