package dev.gatehouse.cdi;

import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenPrincipal;
import jakarta.servlet.ServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Servlet requests for tests that need no HTTP: attributes only, as the filter leaves them.
 * Anything else a test calls fails loudly.
 */
final class Requests {

  private Requests() {}

  static ServletRequest withoutToken() {
    return request(new HashMap<>());
  }

  /** As {@code GatehouseFilter} leaves a request it let through. */
  static ServletRequest withToken(AccessToken token) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(AccessToken.ATTRIBUTE, token);
    attributes.put(
        AccessToken.PRINCIPAL_ATTRIBUTE, new TokenPrincipal(token.subject().orElse(""), token));
    return request(attributes);
  }

  static AccessToken token(String subject, Set<String> scopes) {
    return AccessToken.builder()
        .issuer("https://issuer.gatehouse.test/")
        .subject(subject)
        .scopes(scopes)
        .claims(Map.of("sub", subject))
        .expiresAt(Instant.now().plusSeconds(300))
        .build();
  }

  private static ServletRequest request(Map<String, Object> attributes) {
    return (ServletRequest)
        Proxy.newProxyInstance(
            Requests.class.getClassLoader(),
            new Class<?>[] {ServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "test request";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
