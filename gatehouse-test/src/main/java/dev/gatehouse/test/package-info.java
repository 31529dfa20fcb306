/**
 * Gatehouse's test kit: everything a test of a Gatehouse-protected application needs.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.test.GatehouseTestExtension}: a JUnit 5 extension running a {@link
 *       dev.gatehouse.test.LocalOpenIdProvider} on a free 127.0.0.1 port and setting the {@code
 *       gatehouse.*} system properties for the application under test;
 *   <li>{@link dev.gatehouse.test.Tokens} and {@link dev.gatehouse.test.TokenBuilder}: tokens
 *       minted at test time, valid or wrong in one named way, and {@link
 *       dev.gatehouse.test.Forgeries} for the attacks;
 *   <li>{@link dev.gatehouse.test.GatehouseAssertions}: assertions on Gatehouse's answers;
 *   <li>{@link dev.gatehouse.test.NegativeCatalogue}: the RFC 6750 / RFC 8725 refusals to run
 *       against your own application.
 * </ul>
 *
 * <p>Why the provider is written here with jose4j and the JDK's HTTP server instead of wrapping
 * {@code no.nav.security:mock-oauth2-server} (which Gatehouse's own integration tests use): the kit
 * exists to let a test rotate keys, take the JWKS down and move the provider's clock, and those are
 * a few lines each when the kit owns the key set, the handlers and the clock, but need workarounds
 * around the wrapped server's own token callbacks and key store. It also keeps the kit's footprint
 * to jose4j, which the application already has through filter-core, instead of some 29 MB of
 * Kotlin, Netty-free OkHttp and Jackson in every user's test classpath. What it does not do: the
 * authorization code flow and ID tokens (browser login), which Gatehouse's own tests still drive
 * through mock-oauth2-server.
 */
package dev.gatehouse.test;
