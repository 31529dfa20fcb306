package dev.gatehouse.internal.extract;

import dev.gatehouse.error.AuthScheme;
import java.util.Objects;

/**
 * A token as the request carried it: its value (syntax-checked, not verified) and the scheme it
 * came with. A token from the {@code access_token} parameter counts as {@link AuthScheme#BEARER}.
 */
public record PresentedToken(AuthScheme scheme, String value) {

  public PresentedToken {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "PresentedToken[" + scheme + "]"; // never the token
  }
}
