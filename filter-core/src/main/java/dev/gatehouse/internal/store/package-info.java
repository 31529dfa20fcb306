/**
 * The in-process {@link dev.gatehouse.store.SharedStore} (the default, right for one node) and the
 * guard that applies {@code gatehouse.store.unavailable} around whichever store is in use.
 */
package dev.gatehouse.internal.store;
