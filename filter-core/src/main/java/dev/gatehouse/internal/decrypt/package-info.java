/**
 * Encrypted access tokens: a nested JWT (a JWE whose plaintext is the signed token) opened with the
 * configured private keys, so that the signed token inside can be verified like any other.
 *
 * <p>Internal: public only so that {@code dev.gatehouse.internal.verify} and the root's wiring can
 * reach it. It sits below the verifier stack and knows nothing of signatures or claims.
 */
package dev.gatehouse.internal.decrypt;
