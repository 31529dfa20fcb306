package dev.gatehouse.demo;

import dev.gatehouse.token.AccessToken;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/me}: any valid token. Answers who called, with which scopes and until when; a
 * chosen few fields, never the token or its claims as a whole.
 *
 * <p>One instance serves every request: the injected token is a request-scoped proxy that reads the
 * token of the request in progress (and refuses with 401 if there is none).
 */
public final class MeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient AccessToken token;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Json body =
        Json.object()
            .put("subject", token.subject().orElse(null))
            .put("client_id", token.clientId().orElse(null))
            .put("issuer", token.issuer())
            .put("audiences", token.audiences())
            .put("scopes", token.scopes())
            .put("expires_at", token.expiresAt().toString());
    Json.write(response, HttpServletResponse.SC_OK, body);
  }
}
