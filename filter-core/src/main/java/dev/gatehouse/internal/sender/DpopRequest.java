package dev.gatehouse.internal.sender;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a DPoP proof is checked against, taken from the request and the verified token.
 *
 * @param method the request's HTTP method, as sent
 * @param uri the request's URI as the client addressed it: after the public base URL rewrite behind
 *     a proxy; its query and fragment are ignored
 * @param proofs every value of the {@code DPoP} header, in order; exactly one is accepted
 * @param accessToken the access token as it appeared after {@code DPoP }, for {@code ath}
 * @param boundKey the token's {@code cnf.jkt}: the thumbprint of the key it is bound to
 * @param now the time of the request
 */
public record DpopRequest(
    String method,
    String uri,
    List<String> proofs,
    String accessToken,
    String boundKey,
    Instant now) {

  public DpopRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    proofs = List.copyOf(proofs);
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(boundKey, "boundKey");
    Objects.requireNonNull(now, "now");
  }

  @Override
  public String toString() {
    // Never the token or the proofs: a record's default toString would put them in a log line.
    return "DpopRequest[" + method + " " + proofs.size() + " proof(s)]";
  }
}
