package dev.gatehouse.it.cluster;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The requests the tests send to one node, as a load balancer would forward them. */
final class Calls {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(1))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  HttpResponse<String> bearer(NodeProcess node, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(node.uri("/api/me"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> dpop(NodeProcess node, String token, String proof)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(node.uri("/api/me"))
            .timeout(TIMEOUT)
            .header("Authorization", "DPoP " + token)
            .header("DPoP", proof)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> revokeTokenId(NodeProcess node, String adminToken, String jti, Instant until)
      throws IOException, InterruptedException {
    String form =
        "jti="
            + URLEncoder.encode(jti, StandardCharsets.UTF_8)
            + "&until="
            + until.getEpochSecond();
    return http.send(
        HttpRequest.newBuilder(node.uri("/admin/revocations"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Pushes a Security Event Token to the node's receiver (RFC 8935) with the transmitter's secret.
   */
  HttpResponse<String> pushSet(NodeProcess node, String set, String secret)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(node.uri("/signals/events"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + secret)
            .header("Content-Type", "application/secevent+jwt")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(set))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Asks again every 20 ms until the node refuses {@code token}; the last answer at the deadline.
   */
  HttpResponse<String> untilRefused(NodeProcess node, String token, Duration within)
      throws IOException, InterruptedException {
    return untilStatus(node, token, 401, within);
  }

  HttpResponse<String> untilStatus(NodeProcess node, String token, int status, Duration within)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      HttpResponse<String> response = bearer(node, token);
      if (response.statusCode() == status || Instant.now().isAfter(deadline)) {
        return response;
      }
      Thread.sleep(20);
    }
  }
}
