/** Gatehouse's public API: the filter, its configuration and the verified {@link dev.gatehouse.AccessToken}. */
package dev.gatehouse;
