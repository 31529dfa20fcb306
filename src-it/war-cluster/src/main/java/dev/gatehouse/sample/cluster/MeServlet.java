package dev.gatehouse.sample.cluster;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/me}: the verified caller, and which node answered (for the tests' balance). */
public class MeServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AccessToken token =
        AccessToken.from(request)
            .orElseThrow(() -> new ServletException("GatehouseFilter is not mapped to /api/*"));
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(token.subject().orElse("") + " " + request.getLocalPort());
  }
}
