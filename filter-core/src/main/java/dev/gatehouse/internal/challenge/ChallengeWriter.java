package dev.gatehouse.internal.challenge;

import dev.gatehouse.error.AuthScheme;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Challenge;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.error.StepUpRequirement;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one place that writes refusals: the {@code WWW-Authenticate} challenges of RFC 6750 section 3
 * and RFC 9449 section 7, and a small JSON body with the same fields.
 *
 * <p>Several challenges go in one header field, separated by commas (RFC 9110 section 11.6.1):
 * {@code Bearer realm="api", DPoP algs="ES256"}.
 */
public final class ChallengeWriter {

  static final String UNAVAILABLE_DESCRIPTION = "The access token cannot be checked right now.";

  /** The header that carries a server nonce (RFC 9449 section 9). */
  public static final String DPOP_NONCE = "DPoP-Nonce";

  /** Lets a browser client read the challenge and the nonce of a cross-origin answer. */
  static final String EXPOSED_HEADERS = "WWW-Authenticate, " + DPOP_NONCE;

  private final String realm;
  private final @Nullable String resourceMetadata;
  private final @Nullable String dpopAlgorithms;
  private final Challenge usual;

  /** Bearer only, no resource metadata. */
  public ChallengeWriter(String realm) {
    this(realm, null, List.of());
  }

  /**
   * @param resourceMetadata the URL of the protected resource metadata (RFC 9728 section 5.1),
   *     named in every challenge of both schemes; null for none
   * @param dpopAlgorithms the proof algorithms announced in {@code algs}, in order; empty when the
   *     DPoP scheme is not accepted at all
   */
  public ChallengeWriter(
      String realm, @Nullable String resourceMetadata, List<String> dpopAlgorithms) {
    this.realm = realm;
    this.resourceMetadata = resourceMetadata;
    this.dpopAlgorithms = dpopAlgorithms.isEmpty() ? null : String.join(" ", dpopAlgorithms);
    Set<AuthScheme> offered =
        dpopAlgorithms.isEmpty() ? EnumSet.of(AuthScheme.BEARER) : EnumSet.allOf(AuthScheme.class);
    this.usual = new Challenge(offered, EnumSet.of(AuthScheme.BEARER), null);
  }

  /**
   * A fresh nonce on an answer that was not refused (RFC 9449 section 9), readable by a browser
   * client; added to, not replacing, headers the application's CORS handling exposes.
   */
  public static void sendNonce(HttpServletResponse response, String nonce) {
    response.setHeader(DPOP_NONCE, nonce);
    response.addHeader("Access-Control-Expose-Headers", DPOP_NONCE);
  }

  /** Added to, not replacing, what a CORS filter in front of this one exposes. */
  private void exposeHeaders(HttpServletResponse response) {
    if (dpopAlgorithms != null) {
      response.addHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
  }

  public void reject(HttpServletResponse response, BearerTokenException refusal)
      throws IOException {
    Rejection rejection = refusal.rejection();
    String scope = scopeParameter(refusal.requiredScopes());
    StepUpRequirement stepUp = refusal.stepUp();
    Challenge schemes = refusal.challenge().orElse(usual);
    response.setHeader("WWW-Authenticate", challenges(rejection, scope, stepUp, schemes));
    String nonce = schemes.dpopNonce();
    if (nonce != null) {
      response.setHeader(DPOP_NONCE, nonce);
    }
    exposeHeaders(response);
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

  /** The Bearer challenge alone, as a writer without DPoP answers. */
  String challenge(Rejection rejection, @Nullable String scope) {
    return challenge(rejection, scope, StepUpRequirement.NONE);
  }

  /** The Bearer challenge alone, with a step-up requirement. */
  String challenge(Rejection rejection, @Nullable String scope, StepUpRequirement stepUp) {
    Set<AuthScheme> bearer = Set.of(AuthScheme.BEARER);
    return challenges(rejection, scope, stepUp, new Challenge(bearer, bearer, null));
  }

  String challenges(Rejection rejection, @Nullable String scope, Challenge schemes) {
    return challenges(rejection, scope, StepUpRequirement.NONE, schemes);
  }

  /**
   * Parameters always in the order realm (Bearer only), error, error_description, scope,
   * acr_values, max_age (RFC 9470 section 3), algs (DPoP only), resource_metadata (RFC 9728 section
   * 5.1, on every challenge).
   */
  String challenges(
      Rejection rejection, @Nullable String scope, StepUpRequirement stepUp, Challenge schemes) {
    boolean withError = rejection.error().isPresent();
    StringBuilder header = new StringBuilder();
    for (AuthScheme scheme : schemes.written(withError)) {
      if (scheme == AuthScheme.DPOP && dpopAlgorithms == null) {
        continue;
      }
      if (header.length() > 0) {
        header.append(", ");
      }
      boolean erring = withError && schemes.erring().contains(scheme);
      appendChallenge(
          header,
          scheme,
          erring ? rejection : null,
          erring ? scope : null,
          erring ? stepUp : StepUpRequirement.NONE);
    }
    return header.toString();
  }

  private void appendChallenge(
      StringBuilder header,
      AuthScheme scheme,
      @Nullable Rejection error,
      @Nullable String scope,
      StepUpRequirement stepUp) {
    header.append(scheme.challengeName());
    Parameters p = new Parameters(header);
    if (scheme == AuthScheme.BEARER) {
      p.add("realm", realm);
    }
    if (error != null && error.error().isPresent()) {
      p.add("error", error.error().get().code());
      p.add("error_description", error.description());
    }
    if (scope != null) {
      p.add("scope", scope);
    }
    if (!stepUp.acrValues().isEmpty()) {
      p.add("acr_values", String.join(" ", stepUp.acrValues()));
    }
    stepUp.maxAgeIfAny().ifPresent(age -> p.add("max_age", Long.toString(age.toSeconds())));
    if (scheme == AuthScheme.DPOP && dpopAlgorithms != null) {
      p.add("algs", dpopAlgorithms);
    }
    if (resourceMetadata != null) {
      p.add("resource_metadata", resourceMetadata);
    }
  }

  /** The first parameter follows the scheme after a space, the others after a comma. */
  private static final class Parameters {
    private final StringBuilder header;
    private String separator = " ";

    Parameters(StringBuilder header) {
      this.header = header;
    }

    void add(String name, String value) {
      header.append(separator).append(name).append('=').append(quoted(value));
      separator = ", ";
    }
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
