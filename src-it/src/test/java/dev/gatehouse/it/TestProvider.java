package dev.gatehouse.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local OpenID provider on 127.0.0.1 (mock-oauth2-server) whose signing key the tests know and
 * can rotate, and which counts the JWKS requests it serves.
 *
 * <p>Everything goes through {@link #issuer()} ({@code http://localhost:PORT/default}): the
 * provider writes into {@code iss} the host name it was called by, so configuration and token
 * requests must use the same one.
 */
final class TestProvider implements AutoCloseable {

  static final String ISSUER_ID = "default";

  private final MockOAuth2Server server;
  private final RotatingKeyProvider keys;
  private final MockWebServer requests;
  private int jwksFetches;

  private TestProvider(MockOAuth2Server server, RotatingKeyProvider keys) {
    this.server = server;
    this.keys = keys;
    this.requests = ((MockWebServerWrapper) server.getConfig().getHttpServer()).getMockWebServer();
  }

  static TestProvider start() {
    RotatingKeyProvider keys = new RotatingKeyProvider();
    OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys));
    MockOAuth2Server server = new MockOAuth2Server(config);
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 is always a valid address", e);
    }
    return new TestProvider(server, keys);
  }

  /** The issuer the provider's tokens carry and the filter must be configured with. */
  URI issuer() {
    return issuer(ISSUER_ID);
  }

  /** Another tenant of the same provider: same keys, different {@code iss}. */
  URI issuer(String issuerId) {
    return URI.create(server.issuerUrl(issuerId).toString());
  }

  SigningKey signingKey() {
    return keys.current();
  }

  /** The provider signs with a new key from now on and stops publishing the old one. */
  SigningKey rotateSigningKey() {
    return keys.rotate();
  }

  /**
   * An access token from the token endpoint by the client-credentials grant, shaped like Auth0's:
   * {@code sub} is {@code clientId@clients}, {@code azp} the client id, {@code aud} the given
   * audiences, plus {@code claims} (for example {@code scope} or {@code permissions}).
   */
  String clientCredentialsToken(String clientId, List<String> audiences, Map<String, ?> claims) {
    return clientCredentialsToken(ISSUER_ID, clientId, audiences, claims);
  }

  String clientCredentialsToken(
      String issuerId, String clientId, List<String> audiences, Map<String, ?> claims) {
    server.enqueueCallback(new ClientCredentialsCallback(issuerId, clientId, audiences, claims));
    Response response =
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", "it-secret")
            .formParam("audience", audiences.get(0))
            .post(server.tokenEndpointUrl(issuerId).toString());
    return field(response, "access_token");
  }

  /**
   * The ID token a browser login (authorization-code flow) yields for {@code clientId}: its
   * {@code aud} is the client, not an API.
   */
  String idToken(String clientId) {
    String redirect = "http://127.0.0.1:9/callback";
    Response authorization =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", clientId)
            .queryParam("response_type", "code")
            .queryParam("redirect_uri", redirect)
            .queryParam("scope", "openid profile")
            .queryParam("state", "it-state")
            .queryParam("nonce", "it-nonce")
            .get(server.authorizationEndpointUrl(ISSUER_ID).toString());
    String code = queryParameter(authorization.header("Location"), "code");
    Response tokens =
        given()
            .formParam("grant_type", "authorization_code")
            .formParam("code", code)
            .formParam("redirect_uri", redirect)
            .formParam("client_id", clientId)
            .formParam("client_secret", "it-secret")
            .post(server.tokenEndpointUrl(ISSUER_ID).toString());
    return field(tokens, "id_token");
  }

  /** JWKS requests served since the provider started. */
  synchronized int jwksFetches() {
    try {
      RecordedRequest request;
      while ((request = requests.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
        if (request.getPath() != null && request.getPath().endsWith("/jwks")) {
          jwksFetches++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return jwksFetches;
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /** Reads one field of a token response; the response itself is never printed. */
  private static String field(Response response, String name) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered HTTP " + response.statusCode());
    }
    String value = response.path(name);
    if (value == null) {
      throw new IllegalStateException("token response has no " + name);
    }
    return value;
  }

  private static String queryParameter(String location, String name) {
    if (location == null) {
      throw new IllegalStateException("authorization endpoint did not redirect");
    }
    String query = URI.create(location).getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("authorization redirect carries no " + name);
  }
}
