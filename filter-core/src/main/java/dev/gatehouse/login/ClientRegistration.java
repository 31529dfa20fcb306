package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The application as registered at the OpenID provider, and what it asks for: who it is, how it
 * proves it at the token endpoint, which scopes it requests, and which API the access token must be
 * for. Checked when made; {@link #toString()} leaves the secret out.
 *
 * @param clientSecret for the token endpoint only; never written to a page or a log
 * @param scopes requested scopes, {@code openid} first and each once
 * @param audience the non-standard {@code audience} parameter some providers (Auth0) use to choose
 *     the API; sent only when set
 * @param resources RFC 8707 resource indicators, absolute URIs without a fragment, sent on the
 *     authorization request and on every token request; how other providers choose the API
 */
public record ClientRegistration(
    String clientId,
    String clientSecret,
    ClientAuthentication authentication,
    List<String> scopes,
    Optional<String> audience,
    List<String> resources) {

  /**
   * @throws IllegalArgumentException naming the setting that is missing or malformed
   */
  public ClientRegistration {
    LoginChecks.text(clientId, ConfigKey.LOGIN_CLIENT_ID);
    LoginChecks.text(clientSecret, ConfigKey.LOGIN_CLIENT_SECRET);
    Objects.requireNonNull(authentication, "authentication");
    scopes = withOpenId(scopes);
    audience.ifPresent(a -> LoginChecks.text(a, ConfigKey.LOGIN_AUDIENCE));
    resources = List.copyOf(resources);
    resources.forEach(ClientRegistration::checkResource);
  }

  private static List<String> withOpenId(List<String> scopes) {
    List<String> normalised = new ArrayList<>();
    normalised.add("openid");
    for (String scope : scopes) {
      String s = LoginChecks.text(scope, ConfigKey.LOGIN_SCOPES).trim();
      if (!s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) { // RFC 6749 section 3.3 scope-token
        throw new IllegalArgumentException(
            ConfigKey.LOGIN_SCOPES.property() + ": '" + s + "' is not a scope token");
      }
      if (!normalised.contains(s)) {
        normalised.add(s);
      }
    }
    return List.copyOf(normalised);
  }

  /** RFC 8707 section 2: an absolute URI that MUST NOT carry a fragment. */
  private static void checkResource(String resource) {
    LoginChecks.text(resource, ConfigKey.LOGIN_RESOURCE);
    boolean valid;
    try {
      URI uri = new URI(resource);
      valid = uri.isAbsolute() && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      valid = false;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_RESOURCE.property()
              + ": '"
              + resource
              + "' must be an absolute URI without a fragment, like https://api.example.com");
    }
  }

  @Override
  public String toString() {
    return "ClientRegistration[clientId="
        + clientId
        + ", authentication="
        + authentication.value()
        + ", scopes="
        + scopes
        + ", audience="
        + audience.orElse("none")
        + ", resources="
        + resources
        + "]";
  }
}
