package dev.gatehouse.it;

import dev.gatehouse.test.LocalOpenIdProvider;
import dev.gatehouse.test.TokenBuilder;
import java.util.List;
import java.util.Map;

/**
 * The API and client of the checks, and access tokens from the kit's local provider shaped like the
 * ones Auth0 issues by the client-credentials grant: {@code sub} is {@code <client id>@clients},
 * {@code azp} the client id, {@code gty} {@code client-credentials}, {@code typ} {@code JWT}. The
 * sample WARs are configured for that shape (audience, client and claim rules).
 */
final class ClientTokens {

  static final String AUDIENCE = "https://api.gatehouse.test/orders";
  static final String CLIENT_ID = "orders-client";
  static final String SUBJECT = CLIENT_ID + "@clients";

  private ClientTokens() {}

  /** A provider whose tokens are for {@link #AUDIENCE}. */
  static LocalOpenIdProvider startProvider() {
    return LocalOpenIdProvider.start(AUDIENCE);
  }

  /** For {@link #CLIENT_ID} with {@code read:orders}: accepted until a test changes something. */
  static TokenBuilder accessToken(LocalOpenIdProvider provider) {
    return clientCredentials(provider, CLIENT_ID).scopes("read:orders");
  }

  /** {@code clientId}'s token with no scope, for the provider's audience. */
  static TokenBuilder clientCredentials(LocalOpenIdProvider provider, String clientId) {
    return provider
        .tokens()
        .valid()
        .subject(clientId + "@clients")
        .clientId(clientId)
        .claim("azp", clientId)
        .claim("gty", "client-credentials")
        .type("JWT");
  }

  /** {@code clientId}'s token for {@code audiences}, plus {@code claims} (scope, permissions). */
  static String clientCredentials(
      LocalOpenIdProvider provider,
      String clientId,
      List<String> audiences,
      Map<String, ?> claims) {
    TokenBuilder token =
        clientCredentials(provider, clientId).audiences(audiences.toArray(String[]::new));
    claims.forEach(token::claim);
    return token.build();
  }
}
