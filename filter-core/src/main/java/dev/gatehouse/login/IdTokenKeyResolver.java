package dev.gatehouse.login;

import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.verify.SignatureKeys;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Picks the key for an ID token's signature from the trusted {@link KeySource} only: public
 * signature keys of a worthwhile strength, published for verifying with the token's algorithm
 * ({@link SignatureKeys}), never a key named inside the token. An unknown {@code
 * kid} may cause one refresh, under the key source's own cooldown. Refuses a header that names an
 * algorithm outside the configuration, a critical extension, or the access-token type {@code
 * at+jwt} (RFC 9068 section 2.1: an access token must not pass as an ID token).
 */
final class IdTokenKeyResolver implements VerificationKeyResolver {

  private final KeySource source;
  private final Set<String> algorithms;
  private final VerificationJwkSelector selector = new VerificationJwkSelector();

  IdTokenKeyResolver(KeySource source, Set<String> algorithms) {
    this.source = source;
    this.algorithms = Set.copyOf(algorithms);
  }

  @Override
  public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nested)
      throws UnresolvableKeyException {
    String alg = jws.getAlgorithmHeaderValue();
    if (alg == null || !algorithms.contains(alg)) {
      throw new UnresolvableKeyException("algorithm not accepted");
    }
    if (jws.getHeaders().getObjectHeaderValue("crit") != null) {
      throw new UnresolvableKeyException("critical header");
    }
    Object typ = jws.getHeaders().getObjectHeaderValue("typ");
    if (typ instanceof String t && t.toLowerCase(Locale.ROOT).endsWith("at+jwt")) {
      throw new UnresolvableKeyException("access token type");
    }
    List<JsonWebKey> seen = source.keys();
    JsonWebKey key = select(jws, seen);
    if (key == null && source.refreshUnknownKey(seen)) {
      key = select(jws, source.keys());
    }
    if (key == null) {
      throw new UnresolvableKeyException("no trusted key");
    }
    return key.getKey();
  }

  private JsonWebKey select(JsonWebSignature jws, List<JsonWebKey> keys)
      throws UnresolvableKeyException {
    // The access-token path's rules for a key (use, key_ops, alg, strength), not a copy of them.
    String alg = jws.getAlgorithmHeaderValue();
    List<JsonWebKey> usable = new ArrayList<>(keys.size());
    for (JsonWebKey key : keys) {
      if (SignatureKeys.isSignatureKey(key) && SignatureKeys.allows(key, alg)) {
        usable.add(key);
      }
    }
    try {
      List<JsonWebKey> candidates = selector.selectList(jws, usable);
      if (candidates.size() <= 1) {
        return candidates.isEmpty() ? null : candidates.get(0);
      }
      return selector.selectWithVerifySignatureDisambiguate(jws, candidates);
    } catch (JoseException e) {
      throw new UnresolvableKeyException("malformed", e);
    }
  }
}
