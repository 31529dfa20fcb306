package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.discovery.KeySource;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/**
 * One issuer's trusted keys as the verified-token cache checks them: a {@link KeySnapshot} of the
 * current key set, made again only when the set changes. Travels with each verified token, so one
 * cache in front of several issuers checks each entry against its own issuer's keys.
 */
public final class TrustedKeys {

  private final KeySource source;
  private volatile KeySnapshot snapshot = KeySnapshot.NONE;

  TrustedKeys(KeySource source) {
    this.source = source;
  }

  /**
   * @throws dev.gatehouse.error.ProviderUnavailableException when no keys can be had
   */
  KeySnapshot current() {
    List<JsonWebKey> current = source.keys();
    KeySnapshot known = snapshot;
    if (known.isOf(current)) {
      return known;
    }
    KeySnapshot fresh = KeySnapshot.of(current);
    snapshot = fresh;
    return fresh;
  }
}
