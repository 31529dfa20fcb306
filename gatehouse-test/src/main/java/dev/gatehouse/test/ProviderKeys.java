package dev.gatehouse.test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The provider's signing keys: one current key per algorithm, the retired ones it still publishes
 * after a rotation (as real providers do, so tokens signed just before stay valid), and one key it
 * never publishes, for "signed by someone else" tests; and the API's key that encrypted tokens are
 * encrypted to.
 */
final class ProviderKeys {

  private final Map<SigningAlgorithm, PublicJsonWebKey> current =
      new EnumMap<>(SigningAlgorithm.class);
  private final List<PublicJsonWebKey> retired = new ArrayList<>();
  private final PublicJsonWebKey stranger;
  private final EncryptionKey encryption = EncryptionKey.generate("enc-1");
  private int generation;

  ProviderKeys() {
    generate();
    stranger = SigningAlgorithm.RS256.generateKey("not-published");
  }

  synchronized PublicJsonWebKey current(SigningAlgorithm alg) {
    return current.get(alg);
  }

  /** The API's key that encrypted tokens are encrypted to by default; never rotated. */
  EncryptionKey encryption() {
    return encryption;
  }

  PublicJsonWebKey stranger() {
    return stranger;
  }

  /** New keys for every algorithm; the old ones stay published until {@link #withdrawRetired()}. */
  synchronized void rotate() {
    retired.addAll(current.values());
    generate();
  }

  synchronized void withdrawRetired() {
    retired.clear();
  }

  /** The public JWKS document: current keys first, then the retired ones. */
  synchronized String jwksJson() {
    List<JsonWebKey> published = new ArrayList<>(current.values());
    published.addAll(retired);
    return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /** Every published key, to verify the provider's own tokens at introspection. */
  synchronized List<JsonWebKey> published() {
    List<JsonWebKey> published = new ArrayList<>(current.values());
    published.addAll(retired);
    return published;
  }

  private void generate() {
    generation++;
    for (SigningAlgorithm alg : SigningAlgorithm.values()) {
      String kid = alg.jwaName().toLowerCase(java.util.Locale.ROOT) + "-" + generation;
      current.put(alg, alg.generateKey(kid));
    }
  }
}
