/**
 * Sender-constrained access tokens: the checks that a request comes from the client the token was
 * issued to, either by a DPoP proof (RFC 9449: {@link
 * dev.gatehouse.internal.sender.DpopProofVerifier}, with replay protection and server nonces) or by
 * the TLS client certificate (RFC 8705 section 3: {@link
 * dev.gatehouse.internal.sender.CertificateBinding}).
 *
 * <p>Each check is a standalone unit that takes plain values (method, URI, header values, the
 * token's confirmation) and answers accepted or refused with a {@link
 * dev.gatehouse.error.Rejection}; the request pipeline decides when to ask it.
 */
package dev.gatehouse.internal.sender;
