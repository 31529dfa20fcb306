package dev.gatehouse.internal.discovery;

import dev.gatehouse.error.ProviderUnavailableException;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/** The keys the application trusts for signatures, and nothing else. */
public interface KeySource {

  /**
   * The current key set; fetched on first use.
   *
   * @throws ProviderUnavailableException when no keys can be had and none are cached
   */
  List<JsonWebKey> keys();

  /**
   * Asks for a fresh key set because a token named a key that is not in the current one. Concurrent
   * callers wait (bounded) for one fetch instead of starting their own; a source that fetches
   * limits how many such fetches it makes per minute, whatever the number of callers.
   *
   * @return true when the key set may have changed since {@code seen} was read
   * @throws ProviderUnavailableException when the fetch failed
   */
  boolean refreshUnknownKey(List<JsonWebKey> seen);
}
