package dev.gatehouse.it;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Behind the filter on {@code /api/*}: answers with the token's binding as the application sees it.
 */
final class CertificateBoundApp extends HttpServlet {

  static final String MAPPING = "/api/*";

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    AccessToken token = AccessToken.from(req).orElseThrow();
    resp.setContentType("text/plain");
    resp.getWriter()
        .write(token.binding().map(b -> b.kind() + " " + b.thumbprint()).orElse("bearer"));
  }
}
