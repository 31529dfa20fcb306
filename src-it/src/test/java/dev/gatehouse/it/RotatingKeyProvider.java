package dev.gatehouse.it;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import no.nav.security.mock.oauth2.token.KeyProvider;

/**
 * mock-oauth2-server's key store, replaced by one whose key the tests know and can rotate. The
 * provider signs with {@link #current()} and its JWKS publishes that key alone, for every issuer
 * id, so a rotation retires the previous key at once.
 */
final class RotatingKeyProvider extends KeyProvider {

  private volatile SigningKey current = SigningKey.generate();

  RotatingKeyProvider() {
    super(List.of(), "RS256");
  }

  SigningKey current() {
    return current;
  }

  /** Signs with a new key from now on; the JWKS no longer holds the old one. */
  SigningKey rotate() {
    current = SigningKey.generate();
    return current;
  }

  @Override
  public JWK signingKey(String issuerId) {
    return current.toProviderKey();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(current.toProviderKey()));
  }
}
