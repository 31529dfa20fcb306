/**
 * Time for every step: the one skew comparison and the ticker that cooldowns read. Depends on the
 * JDK only, so that any package of the pipeline may import it.
 */
package dev.gatehouse.internal.time;
