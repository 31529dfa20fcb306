package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one writer of the login's error pages: a fixed sentence, a way back, no details. */
final class LoginPages {

  private LoginPages() {}

  /**
   * @param startAgain a same-origin path where the user can start over, already checked
   */
  static void failure(HttpServletResponse response, LoginException e, String startAgain)
      throws IOException {
    LoginFailure failure = e.failure();
    response.resetBuffer();
    response.setStatus(failure.status());
    e.retryAfter()
        .ifPresent(
            d -> response.setHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
    if (failure == LoginFailure.METHOD_NOT_ALLOWED) {
      response.setHeader("Allow", "POST");
    }
    noStore(response);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign-in problem</title></head>\n<body>\n<h1>Sign-in problem</h1>\n"
                + "<p id=\"login-error\" data-reason=\""
                + failure.reasonCode()
                + "\">"
                + failure.message()
                + "</p>\n"
                + "<p><a href=\""
                + html(startAgain)
                + "\">Start again</a></p>\n</body></html>\n");
  }

  /** Responses that carry session state or tokens must not be kept by any cache. */
  static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }

  /** Redirects with a status of the caller's choice; the target was built or checked here. */
  static void redirect(HttpServletResponse response, int status, String location) {
    noStore(response);
    response.setStatus(status);
    response.setHeader("Location", location);
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
}
