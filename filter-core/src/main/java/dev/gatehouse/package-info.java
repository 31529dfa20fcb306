/**
 * Gatehouse's top layer: the filter, the configuration façade users build and the wiring that hands
 * each step its own settings. The verified token is {@link dev.gatehouse.token.AccessToken}.
 */
package dev.gatehouse;
