package dev.gatehouse.sample.ee;

import dev.gatehouse.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the caller Gatehouse verified to the server's own security, with the token's scopes as
 * groups (and so as roles). A servlet filter can only wrap the request, which the web tier reads
 * but an enterprise bean's {@code @RolesAllowed} does not: the EJB container asks the server's
 * security context, which stays anonymous (Payara: "Client not authorized for this invocation").
 *
 * <p>It never verifies anything itself. The server calls it before any filter, when there is
 * nothing yet and it does nothing (the request stays anonymous, and Gatehouse then judges it); and
 * again from {@link ContainerCallerFilter}, after Gatehouse let the request through and left the
 * verified token in the request's attributes, which a client cannot set.
 */
@ApplicationScoped
public class GatehouseCallerMechanism implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<AccessToken> token = AccessToken.from(request);
    if (token.isEmpty()
        || !(request.getAttribute(AccessToken.PRINCIPAL_ATTRIBUTE) instanceof Principal caller)) {
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(caller, Set.copyOf(token.get().scopes()));
  }
}
