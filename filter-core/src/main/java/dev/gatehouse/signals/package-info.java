/**
 * The Shared Signals receiver: {@link dev.gatehouse.signals.SetReceiverServlet} accepts Security
 * Event Tokens pushed by a transmitter (RFC 8935) or polls them (RFC 8936), verifies them (RFC
 * 8417) and writes the revocations they carry (OpenID CAEP, RISC) into the shared {@link
 * dev.gatehouse.store.RevocationStore}. Settings are {@link dev.gatehouse.signals.SignalsConfig},
 * read from {@code gatehouse.signals.*} by {@link dev.gatehouse.signals.SignalsConfigBinder}.
 */
package dev.gatehouse.signals;
