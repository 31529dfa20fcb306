package dev.gatehouse.testing;

import dev.gatehouse.authz.RequiredScopes;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * The protected application: answers with what the container and {@link AccessToken#from} say about
 * the caller, one {@code name=value} per line. {@code /api/admin} requires the {@code admin} scope
 * itself, through {@link RequiredScopes#require}.
 */
public final class EchoServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if ("/admin".equals(req.getPathInfo())) {
      RequiredScopes.require(AccessToken.from(req).orElseThrow(), Set.of("admin"));
    }
    Principal principal = req.getUserPrincipal();
    AccessToken token = AccessToken.from(req).orElse(null);
    StringBuilder out = new StringBuilder();
    line(out, "principal", principal == null ? null : principal.getName());
    line(out, "remoteUser", req.getRemoteUser());
    line(out, "authType", req.getAuthType());
    line(out, "inRole.read", req.isUserInRole("read"));
    line(out, "inRole.admin", req.isUserInRole("admin"));
    line(out, "scopesAttribute", req.getAttribute(AccessToken.SCOPES_ATTRIBUTE));
    if (token != null) {
      line(out, "subject", token.subject().orElse(null));
      line(out, "issuer", token.issuer());
      line(out, "audiences", token.audiences());
      line(out, "scopes", token.scopes());
      line(out, "permissions", token.permissions());
      line(out, "clientId", token.clientId().orElse(null));
      line(out, "expiresAt", token.expiresAt().getEpochSecond());
      line(out, "binding", token.binding().map(b -> b.kind() + " " + b.thumbprint()).orElse(null));
      line(out, "claim.custom", token.claim("https://gatehouse.test/tier").orElse(null));
    }
    resp.setContentType("text/plain");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(out.toString());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    doGet(req, resp);
  }

  private static void line(StringBuilder out, String name, Object value) {
    out.append(name).append('=').append(value).append('\n');
  }
}
