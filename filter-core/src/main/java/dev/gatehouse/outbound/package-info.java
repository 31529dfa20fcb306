/**
 * Every call Gatehouse makes to the identity provider (discovery, JWKS, introspection, the login's
 * token endpoint) goes through one internal client ({@code OutboundHttp}): https unless loopback
 * http was allowed, no redirects, one total deadline, a bounded body, the JVM's proxy selector.
 */
package dev.gatehouse.outbound;
