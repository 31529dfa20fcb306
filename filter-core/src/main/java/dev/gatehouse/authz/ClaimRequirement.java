package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A condition on one claim of every verified token. A token that fails it gets 401 {@code
 * invalid_token} with the fixed description of {@link Rejection#CLAIM_REQUIREMENT_UNMET}; which
 * claim failed is not told to the client.
 */
public final class ClaimRequirement {

  private final String claim;
  private final Predicate<Object> test;
  private final String description;

  private ClaimRequirement(String claim, Predicate<Object> test, String description) {
    if (claim == null || claim.isBlank()) {
      throw new IllegalArgumentException("a claim name must not be blank");
    }
    this.claim = claim;
    this.test = Objects.requireNonNull(test, "test");
    this.description = description;
  }

  /**
   * The claim must be a string equal to one of {@code values}, or an array of strings holding at
   * least one of them. A missing claim fails.
   */
  public static ClaimRequirement oneOf(String claim, String... values) {
    return oneOf(claim, Arrays.asList(values));
  }

  public static ClaimRequirement oneOf(String claim, Collection<String> values) {
    Set<String> accepted = Set.copyOf(values);
    if (accepted.isEmpty() || accepted.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(claim + ": at least one non-empty value is required");
    }
    Predicate<Object> test =
        value -> {
          if (value instanceof String s) {
            return accepted.contains(s);
          }
          return value instanceof List<?> list
              && list.stream().anyMatch(v -> v instanceof String s && accepted.contains(s));
        };
    return new ClaimRequirement(claim, test, claim + " in " + accepted);
  }

  /**
   * Any condition on the claim's value, given as JSON types (String, Long, Double, Boolean,
   * unmodifiable List and Map), or null when the token lacks the claim.
   */
  public static ClaimRequirement matching(String claim, Predicate<Object> test) {
    return new ClaimRequirement(claim, test, claim + " matches a check of the application's");
  }

  public String claim() {
    return claim;
  }

  /**
   * @throws BearerTokenException with {@link Rejection#CLAIM_REQUIREMENT_UNMET}
   */
  public void check(AccessToken token) {
    if (!test.test(token.claims().get(claim))) {
      throw new BearerTokenException(Rejection.CLAIM_REQUIREMENT_UNMET);
    }
  }

  /** For logs and error messages at start-up; never shown to clients. */
  @Override
  public String toString() {
    return description;
  }
}
