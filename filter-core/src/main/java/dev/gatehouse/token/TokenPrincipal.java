package dev.gatehouse.token;

import java.security.Principal;

/**
 * The caller of a verified token, for code that asks the container who it is; named by the
 * configured principal claim ({@code gatehouse.principal-claim}).
 */
public record TokenPrincipal(String getName, AccessToken token) implements Principal {

  @Override
  public String toString() {
    return "TokenPrincipal[" + getName + "]";
  }
}
