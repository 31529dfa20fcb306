package dev.gatehouse;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The request as the application receives it: with the admitted caller as its principal and, when
 * switched on, in the identity headers; or without any identity, the client's copies of those
 * headers never passed through.
 */
final class IdentityHandOn {

  private final @Nullable IdentityHeaders identityHeaders;
  private final PrincipalClaim principalClaim;

  IdentityHandOn(GatehouseConfig config) {
    this.identityHeaders = config.identityHeaders().orElse(null);
    this.principalClaim = config.principalClaim();
  }

  /** The caller a verified token names, by the configured claim. */
  TokenPrincipal callerOf(AccessToken token) {
    return principalClaim.principalOf(token);
  }

  /**
   * For ERROR and ASYNC dispatches: the identity admitted on the client's request, read back from
   * the request attribute and never verified again; none if none was admitted.
   */
  HttpServletRequest readmit(HttpServletRequest request) {
    Optional<AccessToken> token = AccessToken.from(request);
    // The principal admitted with the token, not named again: a later dispatch is never refused.
    Object admitted = request.getAttribute(AccessToken.PRINCIPAL_ATTRIBUTE);
    return token.isPresent() && admitted instanceof TokenPrincipal p && p.token() == token.get()
        ? withIdentity(request, p)
        : withoutIdentity(request);
  }

  /**
   * Copies of the identity headers are set by this filter only. Refusing a client's copy on the
   * client's request, rather than only hiding it, holds however the filter is mapped: a dispatch
   * the filter does not see (an error page or async dispatch without a mapping for it) receives the
   * container's own request, without any wrapper of ours.
   *
   * @throws BearerTokenException when the client sent one
   */
  void refuseClientIdentity(HttpServletRequest request) {
    if (identityHeaders != null && identityHeaders.presentIn(request)) {
      throw new BearerTokenException(Rejection.IDENTITY_HEADER_FROM_CLIENT);
    }
  }

  HttpServletRequest withIdentity(HttpServletRequest request, TokenPrincipal caller) {
    HttpServletRequest authenticated = new AuthenticatedRequest(request, caller);
    return identityHeaders == null
        ? authenticated
        : IdentityHeaderRequest.carrying(
            authenticated,
            identityHeaders,
            caller.token(),
            principalClaim.valueIn(caller.token()).orElse(null));
  }

  HttpServletRequest withoutIdentity(HttpServletRequest request) {
    return identityHeaders == null
        ? request
        : IdentityHeaderRequest.stripped(request, identityHeaders);
  }
}
