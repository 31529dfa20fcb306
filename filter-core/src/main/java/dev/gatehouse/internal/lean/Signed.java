package dev.gatehouse.internal.lean;

import java.security.Key;
import java.util.Map;

/**
 * What the fast path accepts: a token whose signature {@code key} verified under {@code alg}, and
 * its claims object, freshly parsed and held by no one else. The claims are not yet checked: the
 * same validators as on the full path do that.
 */
public record Signed(Map<String, Object> claims, Key key, String alg) {}
