package dev.gatehouse.bench;

import java.util.Map;

/**
 * Run in every benchmark's setup: the verifier must accept pool tokens and reject each of the
 * pool's invalid tokens, else the benchmark would time a verifier that skips a check.
 */
final class Sanity {

  /** A verification that returns normally for an accepted token and throws for a rejected one. */
  @FunctionalInterface
  interface Check {
    Object verify(String token) throws Exception;
  }

  private Sanity() {}

  static void check(String name, TokenPool pool, Check check) {
    check(name, pool, check, pool.invalidTokens());
  }

  static void check(String name, TokenPool pool, Check check, Map<String, String> mustReject) {
    for (int i = 0; i < TokenPool.SIZE; i += 97) {
      try {
        if (check.verify(pool.token(i)) == null) {
          throw new IllegalStateException(name + " returned null for a valid token");
        }
      } catch (Exception e) {
        throw new IllegalStateException(
            name + " " + pool.algorithm() + " rejected a valid token: " + e, e);
      }
    }
    mustReject.forEach(
        (reason, token) -> {
          Object accepted;
          try {
            accepted = check.verify(token);
          } catch (Exception expected) {
            return;
          }
          throw new IllegalStateException(
              name + " " + pool.algorithm() + " accepted a token with " + reason + ": " + accepted);
        });
  }
}
