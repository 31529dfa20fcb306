package dev.gatehouse.internal.signals;

/** A SET that is not accepted, with the RFC 8935 error it is answered with. */
public final class SetRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SetError error;
  private final String detail;

  /**
   * @param detail for the log only, never for the transmitter: a fixed phrase or jose4j's numeric
   *     error codes, never the SET, a claim value or an exception message
   */
  public SetRefusedException(SetError error, String detail) {
    super(error.code() + ": " + detail, null, false, false);
    this.error = error;
    this.detail = detail;
  }

  /** What the log says: the RFC 8935 error code and the fixed detail. */
  public String logLine() {
    return error.code() + ": " + detail;
  }

  public SetError error() {
    return error;
  }
}
