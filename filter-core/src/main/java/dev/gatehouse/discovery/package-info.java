/**
 * Step 2: provider metadata and the trusted signature keys, fetched with bounded, rate-limited
 * calls.
 */
package dev.gatehouse.discovery;
