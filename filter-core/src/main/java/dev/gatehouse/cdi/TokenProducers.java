package dev.gatehouse.cdi;

import dev.gatehouse.token.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import java.security.Principal;

/**
 * The token and the caller, request-scoped: whoever injects them holds a proxy that reads the
 * request in progress at each call, so an {@code @ApplicationScoped} bean never keeps the first
 * caller's token.
 */
final class TokenProducers {

  @Produces
  @RequestScoped
  AccessToken accessToken(CurrentRequest current) {
    return current.token();
  }

  @Produces
  @Caller
  @RequestScoped
  Principal caller(CurrentRequest current) {
    return current.caller();
  }
}
