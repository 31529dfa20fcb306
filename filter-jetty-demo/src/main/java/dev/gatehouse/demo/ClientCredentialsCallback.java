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
 * Makes the local provider answer a client-credentials request the way Auth0 does: {@code aud} from
 * the {@code audience} parameter, the requested {@code scope} granted, {@code sub} and {@code azp}
 * naming the client. Without {@code audience} the token has no {@code aud}, and the API refuses it,
 * just as a token for another API would be refused.
 *
 * <p>With a {@code dpop_jkt} parameter the token is DPoP-bound: {@code cnf.jkt} is that value.
 *
 * <p>Without this, the provider turns the requested scopes into audiences and writes no scope.
 */
final class ClientCredentialsCallback implements OAuth2TokenCallback {

  static final long LIFETIME_SECONDS = 3600;

  /** The token request parameter that asks for a token bound to a DPoP key. */
  static final String DPOP_JKT = "dpop_jkt";

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
    // A stand-in for a DPoP proof at the token endpoint (RFC 9449 section 5): the client names its
    // key's thumbprint, and the token is bound to it as a real provider binds it to the proof key.
    List<String> jkt = request.getCustomParameter(DPOP_JKT);
    if (jkt != null && jkt.size() == 1 && !jkt.get(0).isBlank()) {
      claims.put("cnf", Map.of("jkt", jkt.get(0)));
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
