/**
 * The fast path of JWT verification: the common token (a plain header naming one trusted key)
 * verified without jose4j's per-token parsing, and every other token handed back undecided so that
 * jose4j's {@code JwtConsumer} judges it. Its specification is the differential test against that
 * consumer: wherever this package decides, it decides exactly as the consumer would.
 *
 * <p>Internal: public only so that {@code dev.gatehouse.verify} can reach it (Java has no access
 * for a neighbouring package). It depends on nothing above it: {@code verify} uses it, never the
 * other way round, and it uses only jose4j's public API.
 */
package dev.gatehouse.internal.lean;
