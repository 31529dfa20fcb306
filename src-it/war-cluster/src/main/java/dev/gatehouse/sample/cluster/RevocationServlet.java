package dev.gatehouse.sample.cluster;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code POST /admin/revocations} (scope {@code admin:revocations}): revokes a token id ({@code
 * jti}, until {@code until}, epoch seconds) or every token of a subject issued so far ({@code sub},
 * until {@code until}), for the issuer of the administrator's own token. The filter's store is
 * shared by every node, so the revocation holds on all of them.
 */
public class RevocationServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AccessToken admin =
        AccessToken.from(request)
            .orElseThrow(() -> new ServletException("GatehouseFilter is not mapped to /admin/*"));
    if (!(getServletContext().getAttribute(SharedStore.ATTRIBUTE) instanceof SharedStore store)) {
      throw new ServletException("GatehouseFilter published no store");
    }
    String until = request.getParameter("until");
    String jti = request.getParameter("jti");
    String sub = request.getParameter("sub");
    if (until == null || (jti == null) == (sub == null)) {
      response.sendError(400, "give until and one of jti, sub");
      return;
    }
    Instant end = Instant.ofEpochSecond(Long.parseLong(until));
    Revocation revocation =
        jti != null
            ? Revocation.ofTokenId(admin.issuer(), jti, end)
            : Revocation.ofSubject(admin.issuer(), sub, Instant.now(), end);
    store.revocations().revoke(revocation);
    response.setStatus(204);
  }
}
