package dev.gatehouse.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Proves, before any load, that each path's revocation check really asks its store: a pool-like
 * token is accepted, one with a revoked {@code jti} and one of the revoked subject are refused. A
 * server whose store answered from an empty shortcut, or was not wired, would measure nothing.
 */
final class StoreSelfCheck {

  private StoreSelfCheck() {}

  static void run(RsaJsonWebKey key, int port, List<String> paths) throws Exception {
    // Issued a minute ago: the subject's revocation refuses tokens issued before it was written.
    Instant issued = Instant.now().minusSeconds(60);
    String good = StoreTokens.mint(key, "check-ok", "client-0@clients", "session-0", issued);
    String revokedId =
        StoreTokens.mint(
            key, StoreTokens.REVOKED_JTI_PREFIX + 7, "client-1@clients", "session-1", issued);
    String revokedSubject =
        StoreTokens.mint(
            key, "check-subject", HttpStoreServer.REVOKED_SUBJECT, "session-2", issued);
    HttpClient client = HttpClient.newHttpClient();
    for (String path : paths) {
      expect(client, port, path, good, 200);
      expect(client, port, path, revokedId, 401);
      expect(client, port, path, revokedSubject, 401);
    }
  }

  private static void expect(HttpClient client, int port, String path, String token, int status)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build();
    int got = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (got != status) {
      throw new IllegalStateException(path + ": expected " + status + ", got " + got);
    }
  }
}
