/** The RFC 6750 error model and the one writer of {@code WWW-Authenticate} challenges. */
package dev.gatehouse.error;
