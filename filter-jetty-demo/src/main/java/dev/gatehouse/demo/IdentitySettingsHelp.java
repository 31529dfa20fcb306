package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;
import static dev.gatehouse.demo.FilterSettingsHelp.put;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.PrincipalClaim;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.token.TokenSources;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code --help} entries of the settings that say which tokens are trusted and where they are
 * found: issuers, audiences, keys, algorithms, the claims read and the ways a token may arrive.
 */
final class IdentitySettingsHelp {

  private IdentitySettingsHelp() {}

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    put(
        e,
        ConfigKey.ISSUER,
        "the local provider",
        "Issuer the token's iss must equal; a bare host such as tenant.auth0.com means"
            + " https://tenant.auth0.com/. Setting it trusts that provider instead of the local"
            + " one.");
    put(
        e,
        ConfigKey.AUDIENCES,
        DemoSettings.LOCAL_AUDIENCE + " (offline only)",
        "Audiences, one of which the token's aud must contain (the API identifier).");
    put(
        e,
        ConfigKey.JWKS_URI,
        "from discovery",
        "JWKS URL to use instead of the jwks_uri of the discovery document.");
    put(
        e,
        ConfigKey.PUBLIC_KEY,
        "none",
        "A PEM public key or JWKS JSON to verify with; nothing is fetched.");
    put(
        e,
        ConfigKey.PUBLIC_KEY_LOCATION,
        "none",
        "File, file: URL or classpath: resource holding that key; an https URL is a JWKS URL.");
    put(
        e,
        ConfigKey.ALGORITHMS,
        String.join(",", new TreeSet<>(VerificationPolicy.DEFAULT_ALGORITHMS)),
        "The only JWS algorithms accepted; HMAC and none are never accepted.");
    put(
        e,
        ConfigKey.CLOCK_SKEW,
        duration(ClockSkew.DEFAULT),
        "Tolerance for exp, nbf and iat (at most 5m).");
    put(
        e,
        ConfigKey.REQUIRED_SCOPES,
        "none",
        "Scopes every /api request needs, on top of the per-endpoint ones.");
    put(
        e,
        ConfigKey.SCOPE_CLAIMS,
        String.join(",", VerificationPolicy.DEFAULT_SCOPE_CLAIMS),
        "Claims whose values count as scopes (Auth0 RBAC writes permissions); a.b is a path.");
    put(
        e,
        ConfigKey.PRINCIPAL_CLAIM,
        PrincipalClaim.DEFAULT,
        "Claim that names the caller (e.g. preferred_username); a token without it gets 401.");
    put(
        e,
        ConfigKey.REALM,
        GatehouseConfig.DEFAULT_REALM,
        "realm of the WWW-Authenticate challenge.");
    put(
        e,
        ConfigKey.ALLOW_QUERY_TOKEN,
        "false",
        "Also accept ?access_token= (risky: URLs end up in logs and Referer headers).");
    put(
        e,
        ConfigKey.ALLOW_FORM_TOKEN,
        "false",
        "Also accept an access_token field in a form-encoded POST body.");
    put(
        e,
        ConfigKey.MAX_TOKEN_LENGTH,
        Integer.toString(TokenSources.DEFAULT_MAX_LENGTH),
        "Longest token accepted, in characters; longer ones get 400 unparsed.");
    put(
        e,
        ConfigKey.ISSUERS,
        "none",
        "Names of further trusted issuers, each set with gatehouse.issuers.<name>.issuer,"
            + " .audiences, .jwks-uri, .public-key or .public-key-location.");
    return e;
  }
}
