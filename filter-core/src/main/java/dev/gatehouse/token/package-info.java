/**
 * Step 1: finding the bearer token in a request and checking its syntax before anything parses it.
 */
package dev.gatehouse.token;
