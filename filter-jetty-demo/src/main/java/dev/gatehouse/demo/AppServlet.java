package dev.gatehouse.demo;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /app}: the signed-in user's page, behind {@code GatehouseLoginFilter}. Shows the
 * subject and the claims of the session's access token, every value HTML-escaped, and a logout
 * button (a POST form). The token itself is never shown.
 */
final class AppServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AccessToken token = token(request);
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, Object> claim : token.claims().entrySet()) {
      rows.append("<tr><th>")
          .append(html(claim.getKey()))
          .append("</th><td>")
          .append(html(String.valueOf(claim.getValue())))
          .append("</td></tr>\n");
    }
    String logout = request.getContextPath() + DemoLogin.LOGOUT_PATH;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline';" + " form-action 'self' http: https:");
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Gatehouse demo</title>
            <style>body{font-family:sans-serif;margin:2em}th{text-align:left;padding-right:1em}</style>
            </head><body>
            <h1>Signed in as <span id="subject">%s</span></h1>
            <p>Scopes: <span id="scopes">%s</span></p>
            <h2>Claims of your access token</h2>
            <table id="claims">
            %s</table>
            <form method="post" action="%s"><button id="logout" type="submit">Log out</button></form>
            </body></html>
            """
                .formatted(
                    html(token.subject().orElse("")),
                    html(String.join(" ", token.scopes())),
                    rows,
                    html(logout)));
  }

  static String html(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The token the login filter verified. Its absence means the servlet was mapped outside the
   * filter; refusing then is safer than serving the page anonymously.
   */
  private static AccessToken token(HttpServletRequest request) {
    return AccessToken.from(request)
        .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
  }
}
