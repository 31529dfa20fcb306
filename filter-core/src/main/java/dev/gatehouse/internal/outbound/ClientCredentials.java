package dev.gatehouse.internal.outbound;

import dev.gatehouse.outbound.ClientAuthentication;
import java.util.Objects;

/**
 * A client id and secret with the way they are sent. {@link #toString()} leaves the secret out, so
 * the record can never print it.
 */
public record ClientCredentials(String id, String secret, ClientAuthentication method) {

  public ClientCredentials {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(method, "method");
  }

  @Override
  public String toString() {
    return "ClientCredentials[" + id + ", " + method.value() + "]";
  }
}
