package dev.gatehouse.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A DPoP client for the demo, instead of curl (a proof must be signed for each request): makes a
 * P-256 key, gets a token bound to it from the demo's local provider, and calls {@code GET
 * /api/dpop/me} with a proof made by the Nimbus OAuth 2.0 SDK, answering a {@code use_dpop_nonce}
 * challenge once; then shows that the same token sent as a bearer token is refused.
 *
 * <pre>
 * java -cp filter-jetty-demo/target/filter-jetty-demo-0.1.0-SNAPSHOT-all.jar dev.gatehouse.demo.DpopDemoClient \
 *     http://127.0.0.1:8080 http://localhost:PROVIDER_PORT/default/token
 * </pre>
 *
 * The demo prints both URLs when it starts with its local provider.
 */
public final class DpopDemoClient {

  static final String PATH = "/api/dpop/me";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ECKey key;
  private final DefaultDPoPProofFactory proofs;

  DpopDemoClient() throws JOSEException {
    this.key = new ECKeyGenerator(Curve.P_256).generate();
    this.proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
  }

  /**
   * {@code API_BASE TOKEN_ENDPOINT}, e.g. {@code http://127.0.0.1:8080
   * http://localhost:PORT/default/token}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: DpopDemoClient API_BASE TOKEN_ENDPOINT");
      System.exit(2);
    }
    for (String line : new DpopDemoClient().run(URI.create(args[0]), URI.create(args[1]))) {
      System.out.println(line);
    }
  }

  /** The exchanges, one line each: the token, the DPoP call, the same token as a bearer token. */
  List<String> run(URI api, URI tokenEndpoint) throws Exception {
    List<String> out = new ArrayList<>();
    String jkt = key.computeThumbprint().toString();
    String token = tokenFor(tokenEndpoint, jkt);
    out.add("token bound to the key " + jkt);
    URI target = api.resolve(PATH);
    HttpResponse<String> reply = call(target, token, null);
    String nonce = reply.headers().firstValue("DPoP-Nonce").orElse(null);
    if (reply.statusCode() == 401 && nonce != null) {
      out.add("GET " + target + " -> 401, the server asks for its nonce; trying again");
      reply = call(target, token, nonce);
    }
    out.add("GET " + target + " with DPoP -> " + reply.statusCode() + " " + reply.body().strip());
    HttpResponse<String> bearer =
        send(HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token));
    out.add(
        "GET "
            + target
            + " as Bearer -> "
            + bearer.statusCode()
            + " "
            + bearer.headers().firstValue("WWW-Authenticate").orElse(""));
    return out;
  }

  private String tokenFor(URI tokenEndpoint, String jkt) throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id=dpop-demo-client&client_secret=local-secret"
            + "&audience="
            + DemoSettings.LOCAL_AUDIENCE
            + "&dpop_jkt="
            + jkt;
    HttpResponse<String> reply =
        send(
            HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    String body = reply.body();
    int start = body.indexOf("\"access_token\"");
    int open = body.indexOf('"', body.indexOf(':', start) + 1);
    if (reply.statusCode() != 200 || start < 0 || open < 0) {
      throw new IllegalStateException("the token endpoint answered HTTP " + reply.statusCode());
    }
    return body.substring(open + 1, body.indexOf('"', open + 1));
  }

  private HttpResponse<String> call(URI target, String token, String nonce)
      throws JOSEException, IOException, InterruptedException {
    String proof =
        proofs
            .createDPoPJWT(
                "GET", target, new DPoPAccessToken(token), nonce == null ? null : new Nonce(nonce))
            .serialize();
    return send(
        HttpRequest.newBuilder(target)
            .header("Authorization", "DPoP " + token)
            .header("DPoP", proof));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
