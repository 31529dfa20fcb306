package dev.gatehouse.internal.challenge;

import dev.gatehouse.error.StepUpRequirement;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.error.BearerTokenException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one place that writes refusals: the {@code WWW-Authenticate} challenge of RFC 6750 section 3
 * and a small JSON body with the same fields.
 */
public final class ChallengeWriter {

  static final String UNAVAILABLE_DESCRIPTION = "The access token cannot be checked right now.";

  private final String realm;
  private final @Nullable String resourceMetadata;

  public ChallengeWriter(String realm) {
    this(realm, null);
  }

  /**
   * @param resourceMetadata the URL of the protected resource metadata (RFC 9728 section 5.1),
   *     named in every challenge; null for none
   */
  public ChallengeWriter(String realm, @Nullable String resourceMetadata) {
    this.realm = realm;
    this.resourceMetadata = resourceMetadata;
  }

  public void reject(HttpServletResponse response, BearerTokenException refusal)
      throws IOException {
    Rejection rejection = refusal.rejection();
    String scope = scopeParameter(refusal.requiredScopes());
    StepUpRequirement stepUp = refusal.stepUp();
    response.setHeader("WWW-Authenticate", challenge(rejection, scope, stepUp));
    StringBuilder body = new StringBuilder("{");
    rejection.error().ifPresent(e -> body.append("\"error\":").append(json(e.code())).append(','));
    body.append("\"error_description\":").append(json(rejection.description()));
    if (scope != null) {
      body.append(",\"scope\":").append(json(scope));
    }
    if (!stepUp.acrValues().isEmpty()) {
      body.append(",\"acr_values\":").append(json(String.join(" ", stepUp.acrValues())));
    }
    stepUp.maxAgeIfAny().ifPresent(age -> body.append(",\"max_age\":").append(age.toSeconds()));
    writeJson(response, rejection.status(), body.append('}').toString());
  }

  public void unavailable(HttpServletResponse response, Duration retryAfter) throws IOException {
    response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    writeJson(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        "{\"error\":\"temporarily_unavailable\",\"error_description\":"
            + json(UNAVAILABLE_DESCRIPTION)
            + "}");
  }

  String challenge(Rejection rejection, @Nullable String scope) {
    return challenge(rejection, scope, StepUpRequirement.NONE);
  }

  /**
   * Parameters always in the order realm, error, error_description, scope, acr_values, max_age
   * (RFC 9470 section 3), resource_metadata (RFC 9728 section 5.1).
   */
  String challenge(Rejection rejection, @Nullable String scope, StepUpRequirement stepUp) {
    StringBuilder header = new StringBuilder("Bearer realm=").append(quoted(realm));
    rejection
        .error()
        .ifPresent(
            e ->
                header
                    .append(", error=")
                    .append(quoted(e.code()))
                    .append(", error_description=")
                    .append(quoted(rejection.description())));
    if (scope != null) {
      header.append(", scope=").append(quoted(scope));
    }
    if (!stepUp.acrValues().isEmpty()) {
      header.append(", acr_values=").append(quoted(String.join(" ", stepUp.acrValues())));
    }
    stepUp
        .maxAgeIfAny()
        .ifPresent(age -> header.append(", max_age=").append(quoted(Long.toString(age.toSeconds()))));
    if (resourceMetadata != null) {
      header.append(", resource_metadata=").append(quoted(resourceMetadata));
    }
    return header.toString();
  }

  private static @Nullable String scopeParameter(Set<String> scopes) {
    return scopes.isEmpty() ? null : String.join(" ", new TreeSet<>(scopes));
  }

  private static void writeJson(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  /** RFC 9110 section 5.6.4 quoted-string; characters it cannot carry become '?'. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
        out.append(c);
      } else {
        out.append('?');
      }
    }
    return out.append('"').toString();
  }

  static String json(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
