package dev.gatehouse.cdi;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.function.Supplier;

/**
 * Runs the filter (built, initialised, and through one request with a valid token) and answers
 * "status subject". Loaded by {@link NoCdiTest}'s class loader, so it must not touch CDI itself.
 */
public final class FilterWithoutCdi implements Supplier<String> {

  @Override
  public String get() {
    String issuer = "https://tenant.auth0.com/";
    GatehouseConfig config =
        GatehouseConfig.forIssuer(issuer)
            .audiences(AUDIENCE)
            .publicKey(TestKeys.pem(TestKeys.RSA))
            .build();
    try (ProtectedApi api = ProtectedApi.start(config)) {
      Reply reply = api.get(new TestTokens(issuer).valid().build());
      return reply.status() + " " + reply.echo().get("subject");
    }
  }
}
