package dev.gatehouse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID provider on 127.0.0.1 ({@code no.nav.security:mock-oauth2-server}) for the offline
 * demo and for tests: discovery, JWKS and a token endpoint whose client-credentials grant behaves
 * like Auth0's (see {@link #clientCredentialsToken}). It accepts any client id and secret. Its
 * authorization endpoint shows a login page where any user name signs in ({@link UserLoginCallback}
 * shapes those users' tokens), and its end-session endpoint redirects to the {@code
 * post_logout_redirect_uri}.
 *
 * <p>Use {@link #issuer()} as the filter's issuer and {@link #tokenEndpoint()} for token requests,
 * both as given: the provider writes into {@code iss} the host name the client used, so a token
 * fetched through {@code 127.0.0.1} would not match an issuer that says {@code localhost}.
 */
public final class LocalProvider implements AutoCloseable {

  /** The provider's one issuer: {@code http://localhost:PORT/default}. */
  public static final String ISSUER_ID = "default";

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([A-Za-z0-9._~+/=-]+)\"");

  private final MockOAuth2Server server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalProvider(MockOAuth2Server server) {
    this.server = server;
  }

  /** Starts a provider on 127.0.0.1 and any free port. */
  public static LocalProvider start() {
    return start(0);
  }

  /**
   * Starts a provider on 127.0.0.1 and {@code port} (0 for any free port).
   *
   * @throws UncheckedIOException when the port is taken
   */
  public static LocalProvider start(int port) {
    return start(port, DemoSettings.LOCAL_AUDIENCE);
  }

  /**
   * Starts a provider on 127.0.0.1 and {@code port} (0 for any free port) whose browser logins
   * yield access tokens for {@code userAudience}.
   *
   * @throws UncheckedIOException when the port is taken
   */
  public static LocalProvider start(int port, String userAudience) {
    OAuth2Config config =
        new OAuth2Config(
            /* interactiveLogin */ true,
            /* loginPagePath */ null,
            /* staticAssetsPath */ null,
            /* rotateRefreshToken */ false,
            new OAuth2TokenProvider(),
            Set.of(new UserLoginCallback(ISSUER_ID, userAudience)));
    MockOAuth2Server server = new MockOAuth2Server(config);
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Kotlin code throws checked exceptions (a BindException) without declaring them.
      String message = "the local provider cannot listen on 127.0.0.1:" + port + " (" + e + ")";
      throw e instanceof IOException io
          ? new UncheckedIOException(message, io)
          : new IllegalStateException(message, e);
    }
    return new LocalProvider(server);
  }

  /** The issuer its tokens carry in {@code iss}, e.g. {@code http://localhost:PORT/default}. */
  public URI issuer() {
    return URI.create(server.issuerUrl(ISSUER_ID).toString());
  }

  /** Where to POST token requests. */
  public URI tokenEndpoint() {
    return URI.create(server.tokenEndpointUrl(ISSUER_ID).toString());
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return server.baseUrl().port();
  }

  /**
   * Gets an access token with the client-credentials grant, over HTTP, exactly as a client would:
   * {@code sub} and {@code azp} are {@code clientId}, {@code aud} is {@code audience} (null or
   * blank for none), {@code scope} is {@code scope} (space-separated; null or blank for none),
   * valid for one hour.
   *
   * @throws IllegalStateException when the provider does not answer with a token
   */
  public String clientCredentialsToken(String clientId, String audience, String scope) {
    return clientCredentialsToken(clientId, audience, scope, Map.of());
  }

  /**
   * As {@link #clientCredentialsToken(String, String, String)}, for a token bound to the DPoP key
   * whose RFC 7638 thumbprint is {@code jkt} ({@code cnf.jkt}).
   */
  public String dpopBoundToken(String clientId, String audience, String scope, String jkt) {
    return clientCredentialsToken(
        clientId, audience, scope, Map.of(ClientCredentialsCallback.DPOP_JKT, jkt));
  }

  private String clientCredentialsToken(
      String clientId, String audience, String scope, Map<String, String> more) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", "local-secret");
    if (audience != null && !audience.isBlank()) {
      form.put("audience", audience);
    }
    if (scope != null && !scope.isBlank()) {
      form.put("scope", scope);
    }
    form.putAll(more);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("token request to " + tokenEndpoint() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while requesting a token", e);
    }
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "token endpoint answered HTTP " + response.statusCode() + " without an access token");
    }
    return token.group(1);
  }

  /**
   * The underlying mock, for tests that need tokens no real client would ask for: a callback given
   * to {@code enqueueCallback} decides the next token request instead of the Auth0-like default,
   * and {@code issueToken} signs tokens without a request.
   */
  public MockOAuth2Server mockServer() {
    return server;
  }

  public void stop() {
    server.shutdown();
  }

  @Override
  public void close() {
    stop();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
