package dev.gatehouse.token;

import java.security.Principal;

/** The subject of a verified token, for code that asks the container who the caller is. */
public record TokenPrincipal(String getName, AccessToken token) implements Principal {

  @Override
  public String toString() {
    return "TokenPrincipal[" + getName + "]";
  }
}
