package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** What a response from a Gatehouse-protected application must look like. */
public final class ResponseAssert {

  private final HttpResponse<?> response;

  ResponseAssert(HttpResponse<?> response) {
    this.response = response;
  }

  /** A 2xx answer with no challenge: the filter let the request through. */
  public ResponseAssert isAccepted() {
    if (response.statusCode() / 100 != 2 || header("WWW-Authenticate").isPresent()) {
      fail("expected the request to be accepted, got " + describe());
    }
    return this;
  }

  /** Has this status (for answers of the application itself). */
  public ResponseAssert hasStatus(int status) {
    if (response.statusCode() != status) {
      fail("expected status " + status + ", got " + describe());
    }
    return this;
  }

  /**
   * Refused for exactly this reason: its status, one {@code WWW-Authenticate} header whose
   * challenge carries {@code error="...", error_description="..."} with Gatehouse's fixed
   * description ({@code Bearer realm="...", ...}, or {@code DPoP ..., algs="..."} for a request
   * made with DPoP), {@code Cache-Control: no-store}, and the same error in the JSON body.
   */
  public Refusal isRefused(Rejection rejection) {
    if (response.statusCode() != rejection.status()) {
      fail(
          "expected "
              + rejection.reasonCode()
              + " ("
              + rejection.status()
              + "), got "
              + describe());
    }
    String challenge = onlyChallenge();
    Refusal refusal = new Refusal(this, rejection, challenge);
    String expectedTail = Refusal.tail(rejection);
    String erring = refusal.erring();
    if (!erring.equals(expectedTail) && !erring.startsWith(expectedTail + ", scope=\"")) {
      fail("expected the challenge for " + rejection.reasonCode() + ", got: " + challenge);
    }
    if (!header("Cache-Control").filter("no-store"::equals).isPresent()) {
      fail(
          "a refusal must not be cached: Cache-Control was "
              + header("Cache-Control").orElse("absent"));
    }
    String body = String.valueOf(response.body());
    String description = "\"error_description\":\"" + rejection.description() + "\"";
    if (response.body() != null && !body.contains(description)) {
      fail("expected the body to carry " + description + ", got " + body);
    }
    return refusal;
  }

  /** 503 with {@code Retry-After}: the provider could not be reached, nothing was accepted. */
  public ResponseAssert isUnavailable() {
    if (response.statusCode() != 503 || header("Retry-After").isEmpty()) {
      fail("expected 503 with Retry-After, got " + describe());
    }
    return this;
  }

  HttpResponse<?> response() {
    return response;
  }

  private String onlyChallenge() {
    List<String> challenges = response.headers().allValues("WWW-Authenticate");
    if (challenges.size() != 1) {
      fail("expected one WWW-Authenticate header, got " + challenges + " with " + describe());
    }
    return challenges.get(0);
  }

  private Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  String describe() {
    return response.statusCode()
        + " WWW-Authenticate="
        + response.headers().allValues("WWW-Authenticate")
        + " for "
        + response.request().method()
        + " "
        + response.request().uri().getPath();
  }
}
