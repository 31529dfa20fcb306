package dev.gatehouse.internal.lean;

import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** The one place a verification key is chosen for a header; see {@link KeyChoice}. */
@FunctionalInterface
public interface KeySelection {

  /**
   * @param header a signature object carrying the token's protected header (the rest unused)
   * @param seen the current key set, as the key source gave it; the choice depends on the header
   *     and this set alone, so a caller may keep it while {@code seen} is current
   * @throws JoseException when jose4j's selector cannot read the header
   */
  KeyChoice choose(JsonWebSignature header, List<JsonWebKey> seen) throws JoseException;
}
