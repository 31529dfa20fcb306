package dev.gatehouse.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /signed-out}: public; where the provider sends the browser after logout. */
final class SignedOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body>
            <h1 id="signed-out">You are signed out.</h1>
            <p><a href="%s">Sign in again</a></p>
            </body></html>
            """
                .formatted(AppServlet.html(request.getContextPath() + DemoLogin.APP_PATH)));
  }
}
