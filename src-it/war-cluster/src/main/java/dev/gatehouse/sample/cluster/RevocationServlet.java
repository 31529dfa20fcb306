package dev.gatehouse.sample.cluster;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code POST /admin/revocations} (scope {@code admin:revocations}): revokes a token id ({@code
 * jti}, until {@code until}, epoch seconds) or every token of a subject issued so far ({@code
 * sub}), for the issuer of the administrator's own token. The filter's store is shared by every
 * node, so the revocation holds on all of them.
 */
public class RevocationServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AccessToken admin =
        AccessToken.from(request)
            .orElseThrow(() -> new ServletException("GatehouseFilter is not mapped to /admin/*"));
    Revocations revocations =
        Revocations.from(getServletContext())
            .orElseThrow(() -> new ServletException("GatehouseFilter published no revocations"));
    String jti = request.getParameter("jti");
    String sub = request.getParameter("sub");
    String until = request.getParameter("until");
    if ((jti == null) == (sub == null) || (jti != null && until == null)) {
      response.sendError(400, "give jti and until, or sub");
      return;
    }
    if (jti != null) {
      revocations.revokeToken(admin.issuer(), jti, Instant.ofEpochSecond(Long.parseLong(until)));
    } else {
      revocations.revokeSubject(admin.issuer(), sub, Instant.now());
    }
    response.setStatus(204);
  }
}
