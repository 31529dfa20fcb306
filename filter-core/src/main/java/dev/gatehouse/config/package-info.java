/**
 * The one adapter from property strings (init-params, MicroProfile Config) to {@link
 * dev.gatehouse.GatehouseConfig}.
 */
package dev.gatehouse.config;
