package dev.gatehouse.demo;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Makes the local provider answer a client-credentials request the way Auth0 does: {@code aud}
 * from the {@code audience} parameter, the requested {@code scope} granted, {@code sub} and {@code
 * azp} naming the client. Without {@code audience} the token has no {@code aud}, and the API
 * refuses it, just as a token for another API would be refused.
 *
 * <p>Without this, the provider turns the requested scopes into audiences and writes no scope.
 */
final class ClientCredentialsCallback implements OAuth2TokenCallback {

  static final long LIFETIME_SECONDS = 3600;

  private final String issuerId;

  ClientCredentialsCallback(String issuerId) {
    this.issuerId = issuerId;
  }

  @Override
  public String issuerId() {
    return issuerId;
  }

  @Override
  public String subject(TokenRequest request) {
    return clientId(request);
  }

  @Override
  public String typeHeader(TokenRequest request) {
    return "JWT";
  }

  @Override
  public List<String> audience(TokenRequest request) {
    List<String> audience = request.getCustomParameter("audience");
    return audience == null ? List.of() : List.copyOf(audience);
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest request) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("azp", clientId(request));
    Scope scope = request.getScope();
    if (scope != null && !scope.isEmpty()) {
      claims.put("scope", scope.toString());
    }
    return claims;
  }

  @Override
  public long tokenExpiry() {
    return LIFETIME_SECONDS;
  }

  private static String clientId(TokenRequest request) {
    ClientAuthentication authentication = request.getClientAuthentication();
    ClientID id = authentication != null ? authentication.getClientID() : request.getClientID();
    return id != null ? id.getValue() : "anonymous";
  }
}
