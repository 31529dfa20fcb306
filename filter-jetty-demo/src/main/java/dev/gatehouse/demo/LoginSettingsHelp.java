package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.login.LoginConfig;
import dev.gatehouse.login.LoginTimeouts;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code --help} entries of the browser-login settings, written for any OpenID provider; the
 * defaults come from the library's constants, and the demo's fixed paths say so.
 */
final class LoginSettingsHelp {

  private static final String FIXED = "fixed in the demo";

  private LoginSettingsHelp() {}

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    e.put(
        ConfigKey.LOGIN_CLIENT_ID,
        new Entry(
            "none (" + DemoLogin.LOCAL_CLIENT_ID + " offline)",
            "Client id of the application registered at your OpenID provider (Auth0, Keycloak, ...)"
                + " as a confidential client; setting it turns the login on."));
    e.put(
        ConfigKey.LOGIN_CLIENT_SECRET,
        new Entry("none", "Its client secret; read from the configuration only, never printed."));
    e.put(
        ConfigKey.LOGIN_CLIENT_AUTHENTICATION,
        new Entry(
            "client_secret_basic",
            "client_secret_basic or client_secret_post (hyphens work too) at the token endpoint."));
    e.put(
        ConfigKey.LOGIN_SCOPES,
        new Entry(
            String.join(" ", LoginConfig.DEFAULT_SCOPES),
            "Scopes to request; add offline_access for a refresh token."));
    e.put(
        ConfigKey.LOGIN_AUDIENCE,
        new Entry(
            "the API's audience",
            "The audience parameter of providers that choose the API with it (Auth0); sent only"
                + " when set."));
    e.put(
        ConfigKey.LOGIN_RESOURCE,
        new Entry(
            "none",
            "RFC 8707 resource indicators (absolute URIs) naming the API, for providers that"
                + " support them."));
    e.put(
        ConfigKey.LOGIN_ISSUER,
        new Entry(
            "the only trusted issuer",
            "With several trusted issuers: the name or issuer URL of the one users sign in with."));
    e.put(
        ConfigKey.LOGIN_REDIRECT_PATH,
        new Entry(
            DemoLogin.CALLBACK_PATH + " (" + FIXED + ")",
            "The callback path; register it at the provider as a redirect URI."));
    e.put(
        ConfigKey.LOGIN_PATHS,
        new Entry(
            DemoLogin.LOGIN_PATHS + " (" + FIXED + ")",
            "Where a session stands in for the bearer token."));
    e.put(
        ConfigKey.LOGIN_LOGOUT_PATH,
        new Entry(DemoLogin.LOGOUT_PATH + " (" + FIXED + ")", "POST here ends the session."));
    e.put(
        ConfigKey.LOGIN_POST_LOGOUT_REDIRECT,
        new Entry(
            DemoLogin.SIGNED_OUT_PATH + " (" + FIXED + ")",
            "Where the provider sends the browser after logout; register it at the provider."));
    e.put(
        ConfigKey.LOGIN_UNAUTHENTICATED_ACTION,
        new Entry(
            "redirect",
            "redirect, unauthorized or pass: what a request without session or token gets."));
    e.put(
        ConfigKey.LOGIN_CONNECT_TIMEOUT,
        new Entry(
            duration(LoginTimeouts.DEFAULT_CONNECT_TIMEOUT),
            "Connect timeout of the token endpoint."));
    e.put(
        ConfigKey.LOGIN_REQUEST_TIMEOUT,
        new Entry(
            duration(LoginTimeouts.DEFAULT_REQUEST_TIMEOUT), "Deadline of a whole token request."));
    e.put(
        ConfigKey.LOGIN_TIMEOUT,
        new Entry(
            duration(LoginTimeouts.DEFAULT_LOGIN_TIMEOUT), "How long a started sign-in may take."));
    e.put(
        ConfigKey.LOGIN_REFRESH_AHEAD,
        new Entry(
            duration(LoginTimeouts.DEFAULT_REFRESH_AHEAD),
            "How long before expiry the session's access token is renewed."));
    e.put(
        ConfigKey.LOGIN_PUBLIC_BASE_URL,
        new Entry(
            "none", "The origin browsers use, e.g. https://app.example.com, behind a proxy."));
    e.put(
        ConfigKey.LOGIN_ALLOWED_HOSTS,
        new Entry(
            "loopback names only",
            "Host header values the redirect URI may be built from, without a public base URL."));
    e.put(
        ConfigKey.LOGIN_SECURE_COOKIE,
        new Entry("when-https", "when-https or always: when the session cookie is marked Secure."));
    return e;
  }
}
