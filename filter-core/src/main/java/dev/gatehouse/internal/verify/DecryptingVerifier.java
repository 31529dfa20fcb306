package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.decrypt.JweDecrypter;
import dev.gatehouse.internal.lean.CompactJws;

/**
 * Opens an encrypted token (a compact JWE, five segments) and hands the signed token inside to the
 * verifiers below unchanged, so it passes every check a plain token passes; a plain token goes
 * straight through. Sits between the verified-token cache and the routing by issuer: the cache
 * remembers the JWE as it was sent, so a hit neither decrypts nor parses, and the entry is checked
 * against the inner token's {@code exp} and signing key like any other.
 *
 * <p>The JWE header's own claims ({@code iss}, {@code aud} replicated per RFC 7519 section 5.3) are
 * not read: only the verified inner token speaks for the issuer.
 */
public final class DecryptingVerifier implements JwsVerifier {

  private final JweDecrypter decrypter;
  private final JwsVerifier delegate;

  public DecryptingVerifier(JweDecrypter decrypter, JwsVerifier delegate) {
    this.decrypter = decrypter;
    this.delegate = delegate;
  }

  @Override
  public Verified verify(CompactJws token) {
    if (token.isThreeSegments()) {
      return delegate.verify(token);
    }
    return delegate.verify(CompactJws.parse(decrypter.decrypt(token.token())));
  }
}
