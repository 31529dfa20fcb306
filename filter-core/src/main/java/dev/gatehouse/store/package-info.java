/**
 * The shared-state SPI: what several nodes of one application must agree on (revocations, used DPoP
 * proofs, nonce keys, introspection answers) behind one small interface per kind, with {@link
 * dev.gatehouse.store.SharedStore} tying them together. The in-process implementation is the
 * default; a distributed one plugs in through {@link dev.gatehouse.store.SharedStoreFactory}.
 */
package dev.gatehouse.store;
