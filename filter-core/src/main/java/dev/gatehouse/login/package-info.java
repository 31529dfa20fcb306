/**
 * Browser login: the OpenID Connect authorization-code flow with PKCE in front of the bearer
 * filter, with the session in the container's {@code HttpSession}; start with {@link
 * dev.gatehouse.login.GatehouseLoginFilter} and {@link dev.gatehouse.login.LoginConfig}.
 */
package dev.gatehouse.login;
