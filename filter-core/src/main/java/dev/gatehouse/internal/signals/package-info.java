/**
 * The work of the Shared Signals receiver: SET verification (RFC 8417 with the delivery rules of
 * RFC 8935 and 8936), subject identifiers (RFC 9493), the mapping of CAEP and RISC events to
 * revocations, push authentication and the poller.
 */
package dev.gatehouse.internal.signals;
