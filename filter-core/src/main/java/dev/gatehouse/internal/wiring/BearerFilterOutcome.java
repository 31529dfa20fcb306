package dev.gatehouse.internal.wiring;

/**
 * What a bearer filter leaves on a request it refused, for the login filter that contains it: the
 * {@code dev.gatehouse.error.Rejection}, so that the login can answer some refusals itself (a
 * session whose token is for another API). Not API: an application reads a refusal from the answer.
 */
public final class BearerFilterOutcome {

  /** The request attribute holding the {@code Rejection}. */
  public static final String REJECTION_ATTRIBUTE = "dev.gatehouse.internal.rejection";

  private BearerFilterOutcome() {}
}
