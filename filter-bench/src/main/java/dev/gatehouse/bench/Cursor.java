package dev.gatehouse.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Round-robin position in the {@link TokenPool}, one per benchmark thread. */
@State(Scope.Thread)
public class Cursor {

  private int next;

  public String next(TokenPool pool) {
    return pool.token(next++);
  }
}
