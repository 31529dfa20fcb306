package dev.gatehouse.store;

/**
 * The shared state could not be read or written in time. Never means "not revoked" or "not seen":
 * the filter answers it with its failure policy ({@code gatehouse.store.unavailable}).
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
