package dev.gatehouse.internal.signals;

/** A SET that is not accepted, with the RFC 8935 error it is answered with. */
public final class SetRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SetError error;

  /**
   * @param detail for the log only, never for the transmitter; never contains the SET or a claim
   */
  public SetRefusedException(SetError error, String detail) {
    super(error.code() + ": " + detail, null, false, false);
    this.error = error;
  }

  public SetError error() {
    return error;
  }
}
