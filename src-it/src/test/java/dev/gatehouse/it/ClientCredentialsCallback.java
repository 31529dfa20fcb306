package dev.gatehouse.it;

import com.nimbusds.oauth2.sdk.TokenRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Shapes the provider's next client-credentials token the way Auth0 does: {@code sub} is {@code
 * <client id>@clients}, {@code azp} the client id, {@code gty} {@code client-credentials}, and
 * {@code aud} the API identifiers asked for. The test adds {@code scope} or {@code permissions}.
 */
record ClientCredentialsCallback(
    String issuerId, String clientId, List<String> audiences, Map<String, ?> claims)
    implements OAuth2TokenCallback {

  static final long LIFETIME_SECONDS = 300;

  @Override
  public String subject(TokenRequest request) {
    return clientId + "@clients";
  }

  @Override
  public String typeHeader(TokenRequest request) {
    return "JWT";
  }

  @Override
  public List<String> audience(TokenRequest request) {
    return audiences;
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest request) {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    all.put("azp", clientId);
    all.put("gty", "client-credentials");
    return all;
  }

  @Override
  public long tokenExpiry() {
    return LIFETIME_SECONDS;
  }
}
