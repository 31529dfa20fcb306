package dev.gatehouse;

import dev.gatehouse.authz.Access;
import dev.gatehouse.authz.PathRule;
import dev.gatehouse.token.TokenSources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The protected resource metadata document (RFC 9728 sections 2 and 3), made once per configuration
 * from the filter's own settings and answered by the filter without a token.
 */
final class ResourceMetadata {

  /** Short enough that a changed configuration is seen soon, long enough to spare the filter. */
  static final String CACHE_CONTROL = "public, max-age=300";

  private final String path;
  private final List<Member> members;

  private ResourceMetadata(String path, List<Member> members) {
    this.path = path;
    this.members = List.copyOf(members);
  }

  /** Empty when no resource identifier is configured: then there is no document to serve. */
  static Optional<ResourceMetadata> of(GatehouseConfig config) {
    ProtectedResource settings = config.protectedResource();
    if (settings.resource().isEmpty()) {
      return Optional.empty();
    }
    URI resource = settings.resource().get();
    List<Member> members = new ArrayList<>();
    members.add(Member.text("resource", resource.toString()));
    members.add(
        Member.list(
            "authorization_servers",
            config.issuers().stream().map(i -> i.issuer().toString()).toList()));
    Set<String> scopes = scopes(config);
    if (!scopes.isEmpty()) {
      members.add(Member.list("scopes_supported", List.copyOf(scopes)));
    }
    members.add(Member.list("bearer_methods_supported", bearerMethods(config.tokens())));
    // Every token carrying cnf.x5t#S256 is checked against the client's certificate.
    members.add(Member.flag("tls_client_certificate_bound_access_tokens", true));
    return Optional.of(new ResourceMetadata(settings.metadataPath().orElseThrow(), members));
  }

  /**
   * The same document also announcing DPoP (RFC 9728 section 2): the proof algorithms accepted, in
   * order, and whether every token must be DPoP-bound.
   */
  ResourceMetadata withDpop(List<String> algorithms, boolean boundTokensRequired) {
    List<Member> more = new ArrayList<>(members);
    more.add(Member.list("dpop_signing_alg_values_supported", algorithms));
    more.add(Member.flag("dpop_bound_access_tokens_required", boundTokensRequired));
    return new ResourceMetadata(path, more);
  }

  /**
   * {@code GET} or {@code HEAD} of exactly the well-known path, as the client spelled it; any other
   * request, including other methods on that path, goes through the rules as usual.
   */
  boolean answers(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method)) && path.equals(request.getRequestURI());
  }

  void write(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("Cache-Control", CACHE_CONTROL);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(document());
  }

  String document() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < members.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append(string(members.get(i).name()))
          .append(':')
          .append(members.get(i).json());
    }
    return json.append('}').toString();
  }

  /** Every scope a rule or the global setting asks for: what a client may need to request. */
  private static Set<String> scopes(GatehouseConfig config) {
    Set<String> scopes = new TreeSet<>(config.requiredScopes());
    for (PathRule rule : config.pathRules().rules()) {
      scopes.addAll(rule.access().scopes());
    }
    Access otherwise = config.pathRules().otherwise();
    scopes.addAll(otherwise.scopes());
    return scopes;
  }

  /** RFC 9728 section 2 names the RFC 6750 methods {@code header}, {@code body}, {@code query}. */
  private static List<String> bearerMethods(TokenSources tokens) {
    List<String> methods = new ArrayList<>(List.of("header"));
    if (tokens.formParameter()) {
      methods.add("body");
    }
    if (tokens.queryParameter()) {
      methods.add("query");
    }
    return methods;
  }

  /** One member of the document, its value already written as JSON. */
  private record Member(String name, String json) {

    static Member text(String name, String value) {
      return new Member(name, string(value));
    }

    static Member list(String name, List<String> values) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : ",").append(string(values.get(i)));
      }
      return new Member(name, out.append(']').toString());
    }

    static Member flag(String name, boolean value) {
      return new Member(name, Boolean.toString(value));
    }
  }

  private static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
