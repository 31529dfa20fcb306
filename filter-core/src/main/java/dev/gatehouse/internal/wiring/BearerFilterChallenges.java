package dev.gatehouse.internal.wiring;

import dev.gatehouse.internal.challenge.ChallengeWriter;
import jakarta.servlet.Filter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The challenge writer of a bearer filter, for the login filter that contains one: whatever the
 * login answers on the API's behalf (a 503 while the provider is away) is then written by the same
 * writer as the bearer filter's own refusals, with its DPoP {@code algs} and {@code
 * resource_metadata}, and cannot drift from them. Handed over as {@link BearerFilterProviders} is.
 */
public final class BearerFilterChallenges {
  private static volatile @Nullable Function<Filter, ChallengeWriter> reader;

  private BearerFilterChallenges() {}

  /** Called once, by {@code GatehouseFilter}; later calls change nothing. */
  public static synchronized void register(Function<Filter, ChallengeWriter> bearerChallenges) {
    if (reader == null) {
      reader = bearerChallenges;
    }
  }

  /** The writer of {@code bearer}, a {@code GatehouseFilter}; null before its {@code init}. */
  public static @Nullable ChallengeWriter of(Filter bearer) {
    Function<Filter, ChallengeWriter> r = reader;
    if (r == null) {
      throw new IllegalStateException("GatehouseFilter has not been loaded");
    }
    return r.apply(bearer);
  }
}
