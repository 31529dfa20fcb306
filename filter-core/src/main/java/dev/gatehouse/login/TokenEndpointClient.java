package dev.gatehouse.login;

import dev.gatehouse.internal.outbound.ClientCredentials;
import dev.gatehouse.internal.outbound.OutboundHttp;
import dev.gatehouse.internal.outbound.OutboundReply;
import dev.gatehouse.outbound.OutboundLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the provider's token endpoint: the authorization-code exchange with PKCE (RFC 6749 section
 * 4.1.3, RFC 7636 section 4.5) and the refresh (RFC 6749 section 6). Form-encoded POST, client
 * authentication as configured, through {@link OutboundHttp}: no redirects, {@code
 * gatehouse.login.request-timeout} as the deadline of the whole exchange, at most {@value
 * #MAX_RESPONSE_BYTES} bytes read. Codes, tokens and the secret are never logged; a failure is
 * logged with the HTTP status and the OAuth {@code error} code only.
 */
final class TokenEndpointClient {

  static final int MAX_RESPONSE_BYTES = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);

  private final OutboundHttp http;
  private final ClientCredentials client;
  private final Map<String, List<String>> resources;

  /**
   * @param insecureLoopbackHttp whether a plain-http token endpoint on loopback is allowed
   */
  TokenEndpointClient(LoginConfig config, boolean insecureLoopbackHttp) {
    this.http =
        new OutboundHttp(
            new OutboundLimits(
                config.connectTimeout(),
                config.requestTimeout(),
                config.requestTimeout(),
                MAX_RESPONSE_BYTES,
                insecureLoopbackHttp));
    this.client =
        new ClientCredentials(
            config.clientId(), config.clientSecret(), config.clientAuthentication());
    // RFC 8707 section 2.2: the token requests name the same APIs as the authorization request.
    this.resources = Map.of("resource", config.resources());
  }

  /**
   * @throws LoginException {@code TOKEN_REQUEST_FAILED} when the provider refuses or answers
   *     nonsense, {@code PROVIDER_UNAVAILABLE} when it cannot be reached
   */
  TokenResponse exchangeCode(URI endpoint, String code, String codeVerifier, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    TokenResponse response = post(endpoint, form, "authorization_code");
    if (response.idToken().isEmpty()) {
      LOG.warn("gatehouse login token_request_failed: the token response has no id_token");
      throw new LoginException(LoginFailure.TOKEN_REQUEST_FAILED);
    }
    return response;
  }

  /**
   * @throws LoginException as {@link #exchangeCode}; {@code TOKEN_REQUEST_FAILED} also when the
   *     refresh token is no longer accepted
   */
  TokenResponse refresh(URI endpoint, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return post(endpoint, form, "refresh_token");
  }

  private TokenResponse post(URI endpoint, Map<String, String> form, String grant) {
    OutboundReply reply;
    try {
      reply = http.postForm(endpoint, form, resources, client);
    } catch (HttpTimeoutException e) {
      LOG.warn("gatehouse login provider_unavailable: {} grant timed out", grant);
      throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, Duration.ofSeconds(5));
    } catch (IOException e) {
      LOG.warn(
          "gatehouse login provider_unavailable: {} grant failed ({})",
          grant,
          e.getClass().getSimpleName());
      throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, Duration.ofSeconds(5));
    }
    String text = reply.text();
    int status = reply.status();
    Map<String, Object> json = parse(text);
    if (status != 200) {
      // A redirect ends here too: its target is never contacted.
      LOG.warn(
          "gatehouse login token_request_failed: {} grant answered HTTP {} error={}",
          grant,
          status,
          errorCode(json));
      if (status >= 500) {
        throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, Duration.ofSeconds(5));
      }
      throw new LoginException(LoginFailure.TOKEN_REQUEST_FAILED);
    }
    return toResponse(json, grant);
  }

  private static TokenResponse toResponse(Map<String, Object> json, String grant) {
    if (!(json.get("access_token") instanceof String access)
        || access.isBlank()
        || !(json.get("token_type") instanceof String type)
        || !type.equalsIgnoreCase("Bearer")) {
      LOG.warn(
          "gatehouse login token_request_failed: {} grant answer lacks a Bearer access_token",
          grant);
      throw new LoginException(LoginFailure.TOKEN_REQUEST_FAILED);
    }
    Optional<Duration> expiresIn =
        json.get("expires_in") instanceof Number n && n.longValue() > 0
            ? Optional.of(Duration.ofSeconds(n.longValue()))
            : Optional.empty();
    return new TokenResponse(
        access, text(json.get("id_token")), text(json.get("refresh_token")), expiresIn);
  }

  private static Optional<String> text(@Nullable Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static Map<String, Object> parse(String text) {
    try {
      return JsonUtil.parseJson(text);
    } catch (JoseException | RuntimeException e) {
      return Map.of();
    }
  }

  /** The OAuth error code when it is a plain code; anything else is not worth a log line. */
  private static String errorCode(Map<String, Object> json) {
    return json.get("error") instanceof String s && s.matches("[a-z_]{1,64}") ? s : "-";
  }
}
