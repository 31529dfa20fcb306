/**
 * Optional CDI integration, loaded only by a CDI container: inject the request's {@link
 * dev.gatehouse.token.AccessToken}, its {@link dev.gatehouse.cdi.Caller} principal and single
 * {@link dev.gatehouse.cdi.Claim}s, and guard bean methods with {@link
 * dev.gatehouse.cdi.RequiresScopes}.
 */
package dev.gatehouse.cdi;
