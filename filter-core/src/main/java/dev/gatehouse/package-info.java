/** Gatehouse's public API: the filter, its configuration and the verified {@link dev.gatehouse.token.AccessToken}. */
package dev.gatehouse;
