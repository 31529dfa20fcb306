/**
 * Step 3: verifying a JWT access token with jose4j and turning it into an {@link
 * dev.gatehouse.token.AccessToken}.
 */
package dev.gatehouse.verify;
