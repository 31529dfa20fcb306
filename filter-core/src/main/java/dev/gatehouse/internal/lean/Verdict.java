package dev.gatehouse.internal.lean;

import dev.gatehouse.error.Rejection;
import java.util.Objects;

/**
 * What a step of the fast path came to, in one type for every step: the token is accepted (with
 * what the step found), refused for a reason from the fixed table, or undecided, which means "not
 * here": the full jose4j path decides and gives the precise answer. A step that meets anything it
 * does not handle exactly as jose4j does says undecided rather than guess.
 *
 * @param <T> what an accepting step hands on
 */
public sealed interface Verdict<T> {

  static <T> Verdict<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Verdict<T> refused(Rejection reason) {
    return new Refused<>(reason);
  }

  @SuppressWarnings("unchecked")
  static <T> Verdict<T> undecided() {
    return (Verdict<T>) Undecided.INSTANCE;
  }

  /** The same refusal or undecided verdict for a step that would have handed on another type. */
  @SuppressWarnings("unchecked")
  default <U> Verdict<U> notAccepted() {
    if (this instanceof Accepted) {
      throw new IllegalStateException("an accepted verdict carries a value");
    }
    return (Verdict<U>) this;
  }

  /** Accepted, with what the step found. */
  record Accepted<T>(T value) implements Verdict<T> {
    public Accepted {
      Objects.requireNonNull(value);
    }
  }

  /** Refused: the full path would refuse the token for this same reason. */
  record Refused<T>(Rejection reason) implements Verdict<T> {
    public Refused {
      Objects.requireNonNull(reason);
    }
  }

  /** Not decided here: the full path decides. */
  final class Undecided<T> implements Verdict<T> {
    private static final Undecided<Object> INSTANCE = new Undecided<>();

    private Undecided() {}

    @Override
    public String toString() {
      return "Undecided";
    }
  }
}
