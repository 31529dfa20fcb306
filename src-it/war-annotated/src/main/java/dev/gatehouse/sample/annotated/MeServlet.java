package dev.gatehouse.sample.annotated;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/**
 * {@code GET /api/me}: who the verified token says the caller is, read both through Gatehouse's
 * {@link AccessToken} and through the container's own security calls, which the filter answers.
 */
@WebServlet("/api/me")
public class MeServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AccessToken token =
        AccessToken.from(request)
            .orElseThrow(() -> new ServletException("ApiSecurityFilter did not run"));
    Json.write(
        response,
        Json.object()
            .field("subject", token.subject().orElse(null))
            .field("scopes", new TreeSet<>(token.scopes()))
            .field("client_id", token.clientId().orElse(null))
            .field("remote_user", request.getRemoteUser())
            .field("auth_type", request.getAuthType())
            .field("can_read_orders", request.isUserInRole("read:orders")));
  }
}
