package dev.gatehouse.internal.verify;

import dev.gatehouse.token.AccessToken;
import java.security.Key;

/**
 * A verified token, the key that verified its signature, the algorithm it was verified with, and
 * the issuer's trusted keys, so a cache can drop the token when the key is withdrawn.
 */
public record Verified(AccessToken token, Key key, String alg, TrustedKeys keys) {}
