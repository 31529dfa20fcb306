package dev.gatehouse.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Answers with what legacy code reading headers would see: {@code header.<name>=<values>} for each
 * {@code X-Auth-*} or {@code X-Custom-*} header, by {@code getHeaders}, and {@code names=} the
 * matching names {@code getHeaderNames} lists, lower-cased and sorted.
 */
public final class HeaderEchoServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    StringBuilder out = new StringBuilder();
    List<String> names =
        Collections.list(req.getHeaderNames()).stream()
            .map(n -> n.toLowerCase(Locale.ROOT))
            .filter(n -> n.startsWith("x-auth-") || n.startsWith("x-custom-"))
            .sorted()
            .toList();
    out.append("names=").append(String.join(",", names)).append('\n');
    for (String name :
        List.of("X-Auth-Subject", "X-Auth-Scopes", "X-Auth-Client-Id", "X-Custom-User")) {
      out.append("header.")
          .append(name)
          .append('=')
          .append(String.join("|", Collections.list(req.getHeaders(name))))
          .append('\n');
      out.append("single.").append(name).append('=').append(req.getHeader(name)).append('\n');
    }
    resp.setContentType("text/plain");
    resp.getWriter().write(out.toString());
  }
}
