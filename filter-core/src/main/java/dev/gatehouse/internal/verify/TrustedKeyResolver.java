package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.lean.AccessTokenType;
import dev.gatehouse.internal.lean.KeyChoice;
import dev.gatehouse.internal.lean.SignatureLength;
import java.security.Key;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.jspecify.annotations.Nullable;

/**
 * Picks the verification key for a JWS from the trusted {@link KeySource} only, after checking the
 * header: the algorithm must be one the application chose, {@code typ} must fit an access token,
 * and no {@code crit} extension is understood. The key comes from the {@link KeySelector} the fast
 * path uses too, and the signature must have the length the algorithm and key produce. Keys named
 * inside the token ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never looked at.
 */
final class TrustedKeyResolver implements VerificationKeyResolver {

  private final KeySource source;
  private final Set<String> algorithms;
  private final KeySelector selection;
  private final VerificationJwkSelector selector = new VerificationJwkSelector();

  TrustedKeyResolver(KeySource source, Set<String> algorithms) {
    this(source, algorithms, new KeySelector());
  }

  TrustedKeyResolver(KeySource source, Set<String> algorithms, KeySelector selection) {
    this.source = source;
    this.algorithms = algorithms;
    this.selection = selection;
  }

  @Override
  public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nested)
      throws UnresolvableKeyException {
    checkHeader(jws);
    List<JsonWebKey> seen = source.keys();
    KeyChoice choice = choose(jws, seen);
    JsonWebKey key = pick(jws, choice);
    if (key == null && source.refreshUnknownKey(seen)) {
      seen = source.keys();
      choice = choose(jws, seen);
      key = pick(jws, choice);
    }
    if (key == null) {
      // Also when several keys share the token's kid and none verifies: kid-less keys may.
      key =
          firstVerifying(
              jws,
              choice instanceof KeyChoice.Unnamed unnamed
                  ? unnamed.keys()
                  : selection.unnamed(jws, seen));
    }
    if (key == null) {
      throw new BearerTokenException(Rejection.UNKNOWN_KEY);
    }
    if (!SignatureLength.fits(jws, key.getKey())) {
      throw new BearerTokenException(Rejection.INVALID_SIGNATURE);
    }
    return key.getKey();
  }

  private void checkHeader(JsonWebSignature jws) {
    String alg = jws.getAlgorithmHeaderValue();
    if (alg == null || !algorithms.contains(alg)) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_ALGORITHM);
    }
    if (jws.getHeaders().getObjectHeaderValue("crit") != null
        || jws.getHeaders().getObjectHeaderValue("b64") != null) {
      // RFC 7515 section 4.1.11: no extension is understood here, so none may be critical.
      throw new BearerTokenException(Rejection.UNSUPPORTED_CRITICAL_HEADER);
    }
    if (!AccessTokenType.fits(jws.getHeaders().getObjectHeaderValue("typ"))) {
      throw new BearerTokenException(Rejection.UNSUPPORTED_TOKEN_TYPE);
    }
  }

  private KeyChoice choose(JsonWebSignature jws, List<JsonWebKey> seen) {
    try {
      return selection.choose(jws, seen);
    } catch (JoseException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /** The chosen key; among several, the one whose signature verifies; null when none is named. */
  private @Nullable JsonWebKey pick(JsonWebSignature jws, KeyChoice choice) {
    if (choice instanceof KeyChoice.One one) {
      return one.key();
    }
    if (!(choice instanceof KeyChoice.Several several)) {
      return null;
    }
    try {
      return selector.selectWithVerifySignatureDisambiguate(jws, several.keys());
    } catch (JoseException e) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
  }

  /**
   * A trusted key published without a {@code kid}, such as a configured PEM key, may verify a token
   * that names one: only a key that verifies this token is returned.
   */
  private static @Nullable JsonWebKey firstVerifying(JsonWebSignature jws, List<JsonWebKey> keys) {
    for (JsonWebKey key : keys) {
      try {
        jws.setKey(key.getKey());
        if (jws.verifySignature()) {
          return key;
        }
      } catch (JoseException e) {
        // a key of the right type but the wrong curve or size: not this token's key
      }
    }
    return null;
  }
}
