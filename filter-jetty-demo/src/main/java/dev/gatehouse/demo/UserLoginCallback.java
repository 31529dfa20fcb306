package dev.gatehouse.demo;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Makes the local provider's browser logins look like Auth0's: after the authorization-code grant
 * (and its refreshes) the access token is for the demo API ({@code aud}), carries the scopes a
 * signed-in user of the demo gets, and names the web application in {@code azp}. The provider's
 * login page sets {@code sub} to the name typed there. Client-credentials requests are left to
 * {@link ClientCredentialsCallback}.
 */
final class UserLoginCallback implements OAuth2TokenCallback {

  /** What a signed-in user of the demo may do: the OpenID scopes and reading orders. */
  static final String USER_SCOPES = "openid profile email " + OrderService.READ;

  private final ClientCredentialsCallback machines;
  private final String audience;

  UserLoginCallback(String issuerId, String audience) {
    this.machines = new ClientCredentialsCallback(issuerId);
    this.audience = audience;
  }

  @Override
  public String issuerId() {
    return machines.issuerId();
  }

  @Override
  public String subject(TokenRequest request) {
    return isUserLogin(request) ? "demo-user" : machines.subject(request);
  }

  @Override
  public String typeHeader(TokenRequest request) {
    return machines.typeHeader(request);
  }

  @Override
  public List<String> audience(TokenRequest request) {
    return isUserLogin(request) ? List.of(audience) : machines.audience(request);
  }

  @Override
  public Map<String, Object> addClaims(TokenRequest request) {
    if (!isUserLogin(request)) {
      return machines.addClaims(request);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    ClientAuthentication authentication = request.getClientAuthentication();
    ClientID client = authentication != null ? authentication.getClientID() : request.getClientID();
    if (client != null) {
      claims.put("azp", client.getValue());
    }
    claims.put("scope", USER_SCOPES);
    return claims;
  }

  @Override
  public long tokenExpiry() {
    return machines.tokenExpiry();
  }

  private static boolean isUserLogin(TokenRequest request) {
    GrantType type = request.getAuthorizationGrant().getType();
    return GrantType.AUTHORIZATION_CODE.equals(type) || GrantType.REFRESH_TOKEN.equals(type);
  }
}
