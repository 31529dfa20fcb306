/**
 * A runnable example: an API on embedded Jetty protected by {@link dev.gatehouse.GatehouseFilter},
 * trusting a local OpenID provider by default or an Auth0 tenant when configured.
 */
package dev.gatehouse.demo;
