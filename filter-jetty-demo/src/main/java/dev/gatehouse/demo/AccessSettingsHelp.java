package dev.gatehouse.demo;

import static dev.gatehouse.demo.FilterSettingsHelp.duration;
import static dev.gatehouse.demo.FilterSettingsHelp.put;

import dev.gatehouse.IdentityHeaders;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.demo.FilterSettingsHelp.Entry;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StorePolicy;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code --help} entries of the settings that decide who gets in once a token is valid: path
 * rules, clients, identity headers, the protected-resource metadata, and the sender-constrained
 * tokens (mTLS and DPoP).
 */
final class AccessSettingsHelp {

  private AccessSettingsHelp() {}

  static Map<ConfigKey, Entry> entries() {
    Map<ConfigKey, Entry> e = new EnumMap<>(ConfigKey.class);
    put(
        e,
        ConfigKey.RULES,
        "none",
        "Path and method rules, one per line: METHODS PATH ACCESS, e.g. 'GET /api/orders/*"
            + " scopes=read:orders' or '* /admin/* deny'. First match wins.");
    put(
        e,
        ConfigKey.RULES_DEFAULT,
        "authenticated",
        "Access for requests no rule matches: authenticated, permit or deny.");
    put(
        e,
        ConfigKey.CORS_PREFLIGHT,
        "rules",
        "permit lets CORS preflight requests through without a token; rules treats them like any"
            + " request.");
    put(
        e,
        ConfigKey.ALLOW_AMBIGUOUS_PATHS,
        "none",
        "Legacy only: path spellings let through although readers disagree about them"
            + " (encoded-slash, encoded-backslash, backslash, encoded-semicolon, encoded-percent,"
            + " encoded-period, dot-segments, empty-segments); otherwise 400.");
    put(
        e,
        ConfigKey.CLIENTS_ALLOWED,
        "none",
        "Only tokens issued to these client ids (azp, else client_id) are accepted.");
    put(e, ConfigKey.CLIENTS_DENIED, "none", "Tokens issued to these client ids are refused.");
    put(
        e,
        ConfigKey.IDENTITY_HEADERS,
        "false",
        "Carry the verified subject, scopes and client id in request headers; a request that"
            + " sends one of them itself gets 400.");
    put(e, ConfigKey.IDENTITY_HEADERS_SUBJECT, IdentityHeaders.DEFAULT_SUBJECT, "Header for sub.");
    put(
        e,
        ConfigKey.IDENTITY_HEADERS_SCOPES,
        IdentityHeaders.DEFAULT_SCOPES,
        "Header for the scopes, space-separated.");
    put(
        e,
        ConfigKey.IDENTITY_HEADERS_CLIENT_ID,
        IdentityHeaders.DEFAULT_CLIENT_ID,
        "Header for the client id.");
    put(
        e,
        ConfigKey.RESOURCE,
        "none",
        "This API's resource identifier, an https URL; setting it serves RFC 9728 metadata at"
            + " /.well-known/oauth-protected-resource[/path] and names it in every challenge.");
    put(
        e,
        ConfigKey.MTLS_CERTIFICATE_HEADER,
        "none (the TLS handshake only)",
        "Header a TLS-terminating proxy puts the client certificate in, for certificate-bound"
            + " tokens (cnf.x5t#S256); needs mtls.trusted-proxies.");
    put(
        e,
        ConfigKey.MTLS_TRUSTED_PROXIES,
        "none",
        "IP addresses or CIDR blocks of the proxies whose certificate header is believed;"
            + " from any other address the header is ignored.");
    DpopPolicy d = DpopPolicy.DEFAULTS;
    put(
        e,
        ConfigKey.DPOP,
        d.mode().word(),
        "DPoP-bound tokens (RFC 9449) on paths whose rule has no dpop=: off, allowed or required."
            + " The demo's rules require them on /api/dpop/*.");
    put(
        e,
        ConfigKey.DPOP_ALGORITHMS,
        String.join(",", d.algorithms()),
        "Proof algorithms, in the order the DPoP challenge's algs names them; asymmetric only.");
    put(
        e,
        ConfigKey.DPOP_PROOF_MAX_AGE,
        duration(d.proofMaxAge()),
        "How long after its iat a proof is accepted, plus the clock skew.");
    put(
        e,
        ConfigKey.DPOP_NONCE,
        "off",
        "on: every proof must carry a nonce from this server (401 use_dpop_nonce with DPoP-Nonce).");
    put(
        e,
        ConfigKey.DPOP_NONCE_SLOT,
        duration(d.nonceSlot()),
        "A nonce is accepted in its slot and the next one; at least 1s, at most the rotation.");
    put(
        e,
        ConfigKey.DPOP_NONCE_ROTATION,
        duration(d.nonceRotation()),
        "How often the in-process nonce secret is replaced (nonces of the old one still pass).");
    put(
        e,
        ConfigKey.DPOP_REPLAY_MAX_ENTRIES,
        Integer.toString(d.replayMaxEntries()),
        "Bound of the store of proof jtis; when full, new proofs get 503.");
    put(
        e,
        ConfigKey.PUBLIC_BASE_URL,
        "the request's own URL",
        "Origin clients use behind a proxy (https://api.example.com): DPoP proofs name it.");
    put(
        e,
        ConfigKey.STORE,
        StorePolicy.MEMORY,
        "Where revocations, used DPoP proofs and nonce keys live: memory, or a shared store's"
            + " name (hazelcast) for several nodes.");
    put(
        e,
        ConfigKey.STORE_UNAVAILABLE,
        StoreOutage.FAIL_CLOSED.setting(),
        "While the shared store is unreachable: fail-closed (503) or node-local (this node's"
            + " state, with a warning and a metric).");
    return e;
  }
}
