package dev.gatehouse.test;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.error.Rejection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The RFC 6750 / RFC 8725 cases every Gatehouse-protected endpoint must refuse, as JUnit dynamic
 * tests to run against your own application, local or deployed:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> ordersRefusesForgeries() {
 *   return NegativeCatalogue.against(URI.create("https://staging.example.com/api/orders"), validToken)
 *       .withTokens(tokens) // optional: adds expired and wrong-audience tokens from the local provider
 *       .tests();
 * }
 * }</pre>
 *
 * <p>The forgeries are derived from {@code validToken}, a token the endpoint accepts (checked
 * first, so a catalogue against an unprotected or broken URL fails instead of passing). Only GET
 * requests are sent, with no redirects followed and a 10 s limit per request.
 */
public final class NegativeCatalogue {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final String validToken;
  private Tokens tokens;

  private NegativeCatalogue(URI endpoint, String validToken) {
    this.endpoint = endpoint;
    this.validToken = validToken;
  }

  public static NegativeCatalogue against(URI endpoint, String validToken) {
    return new NegativeCatalogue(endpoint, validToken);
  }

  /** Adds the cases only the trusted issuer's key can make: expired, wrong audience. */
  public NegativeCatalogue withTokens(Tokens tokens) {
    this.tokens = tokens;
    return this;
  }

  public Stream<DynamicTest> tests() {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    List<DynamicTest> tests = new ArrayList<>();
    var attacker = Forgeries.attackerKey();
    tests.add(
        DynamicTest.dynamicTest(
            "the valid token is accepted",
            () ->
                assertThat(send(client, r -> r.header("Authorization", "Bearer " + validToken)))
                    .isAccepted()));
    tests.add(refused(client, "no token: bare challenge", Set.of(Rejection.MISSING_TOKEN), r -> r));
    tests.add(
        refused(
            client,
            "two Authorization headers",
            Set.of(Rejection.MULTIPLE_TOKENS),
            r ->
                r.header("Authorization", "Bearer " + validToken)
                    .header("Authorization", "Bearer " + validToken)));
    tests.add(
        refused(
            client,
            "not a Bearer credential",
            Set.of(Rejection.MALFORMED_AUTHORIZATION),
            r -> r.header("Authorization", "Bearer " + validToken + " " + validToken)));
    tests.add(
        bearer(
            client,
            "alg none",
            Forgeries.unsigned(validToken),
            Rejection.UNSUPPORTED_ALGORITHM,
            Rejection.MALFORMED_TOKEN));
    tests.add(
        bearer(
            client,
            "HMAC confusion: HS256 keyed with a public key",
            Forgeries.hmacWithPublicKey(validToken, "-----BEGIN PUBLIC KEY-----"),
            Rejection.UNSUPPORTED_ALGORITHM));
    tests.add(
        bearer(
            client,
            "tampered payload (scope admin)",
            Forgeries.tampered(validToken, "scope", "admin"),
            Rejection.INVALID_SIGNATURE));
    tests.add(
        bearer(
            client,
            "header injection: the token brings its own jwk",
            Forgeries.embeddedKey(validToken, attacker),
            Rejection.UNKNOWN_KEY,
            Rejection.INVALID_SIGNATURE));
    tests.add(
        bearer(
            client,
            "header injection: jku points at the attacker's key set",
            Forgeries.foreignKeySetUrl(validToken, attacker, "https://attacker.invalid/jwks"),
            Rejection.UNKNOWN_KEY,
            Rejection.INVALID_SIGNATURE));
    tests.add(
        bearer(
            client,
            "wrong issuer, signed by its own key",
            Forgeries.embeddedKey(
                Forgeries.tampered(validToken, "iss", "https://attacker.invalid"), attacker),
            Rejection.WRONG_ISSUER,
            Rejection.UNKNOWN_KEY));
    if (tokens != null) {
      tests.add(bearer(client, "expired", tokens.expired().build(), Rejection.EXPIRED));
      tests.add(
          bearer(
              client, "wrong audience", tokens.wrongAudience().build(), Rejection.WRONG_AUDIENCE));
      tests.add(
          bearer(client, "unpublished key", tokens.otherKey().build(), Rejection.UNKNOWN_KEY));
    }
    return tests.stream();
  }

  private DynamicTest bearer(
      HttpClient client, String name, String token, Rejection... acceptable) {
    return refused(
        client, name, Set.of(acceptable), r -> r.header("Authorization", "Bearer " + token));
  }

  private DynamicTest refused(
      HttpClient client,
      String name,
      Set<Rejection> acceptable,
      Function<HttpRequest.Builder, HttpRequest.Builder> request) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          HttpResponse<String> response = send(client, request);
          // Several reasons are right for some forgeries (which check fires first is Gatehouse's
          // business); any of them, with its exact challenge, passes. Anything else fails.
          AssertionError last = null;
          for (Rejection rejection : acceptable) {
            try {
              assertThat(response).isRefused(rejection);
              return;
            } catch (AssertionError e) {
              last = e;
            }
          }
          fail(
              name
                  + ": expected one of "
                  + acceptable
                  + "; "
                  + (last == null ? "" : last.getMessage()));
        });
  }

  private HttpResponse<String> send(
      HttpClient client, Function<HttpRequest.Builder, HttpRequest.Builder> request)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET();
    return client.send(request.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
  }
}
