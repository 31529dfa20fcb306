package dev.gatehouse.demo;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * {@code POST /admin/revocations}: an operator revokes a token by its {@code jti} or every token of
 * a subject issued so far, through the filter's {@link Revocations}. Behind {@link
 * DemoServer#ADMIN_RULE}, so only a token with the admin scope gets here.
 *
 * <p>A form ({@code jti=...} or {@code sub=...}) or a JSON object with the same fields; {@code iss}
 * defaults to the issuer of the operator's own token, {@code until} (ISO-8601) to the revocation's
 * default horizon.
 */
final class RevocationsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Map<String, Object>> fields = fields(request);
    if (fields.isEmpty()) {
      refuse(response, "the body is neither a form nor a JSON object");
      return;
    }
    Map<String, Object> given = fields.get();
    Revocations revocations =
        Revocations.from(request.getServletContext())
            .orElseThrow(() -> new IllegalStateException("no Gatehouse filter published one"));
    String issuer =
        text(given, "iss").orElseGet(() -> AccessToken.from(request).orElseThrow().issuer());
    Instant now = Instant.now();
    Instant until;
    try {
      until =
          text(given, "until").map(Instant::parse).orElse(now.plus(Revocations.DEFAULT_HORIZON));
    } catch (DateTimeParseException e) {
      refuse(response, "until must be an ISO-8601 instant such as 2026-12-07T12:00:00Z");
      return;
    }
    Optional<String> jti = text(given, "jti");
    Optional<String> sub = text(given, "sub");
    if (jti.isPresent() == sub.isPresent()) {
      refuse(response, "give jti or sub, one of them");
      return;
    }
    if (jti.isPresent()) {
      revocations.revokeToken(issuer, jti.get(), until);
    } else {
      revocations.revokeSubject(issuer, sub.get(), now, until);
    }
    Json.write(
        response,
        HttpServletResponse.SC_OK,
        Json.object()
            .put("revoked", jti.isPresent() ? "token" : "subject")
            .put("iss", issuer)
            .put("until", until.toString()));
  }

  private static Optional<Map<String, Object>> fields(HttpServletRequest request)
      throws IOException {
    String type = Optional.ofNullable(request.getContentType()).orElse("");
    if (type.startsWith("application/x-www-form-urlencoded")) {
      Map<String, Object> form = new java.util.HashMap<>();
      request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
      return Optional.of(form);
    }
    if (type.startsWith("application/json")) {
      try {
        return Optional.ofNullable(
            JsonUtil.parseJson(
                new String(
                    request.getInputStream().readNBytes(4096),
                    java.nio.charset.StandardCharsets.UTF_8)));
      } catch (JoseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(Map<String, Object> fields, String name) {
    return fields.get(name) instanceof String value && !value.isBlank()
        ? Optional.of(value.strip())
        : Optional.empty();
  }

  private static void refuse(HttpServletResponse response, String why) throws IOException {
    Json.write(response, HttpServletResponse.SC_BAD_REQUEST, Json.object().put("error", why));
  }
}
