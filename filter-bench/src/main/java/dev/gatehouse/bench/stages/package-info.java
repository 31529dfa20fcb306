/**
 * Single steps of a jose4j-based verification, timed apart to show where the time and the
 * allocation of {@link dev.gatehouse.bench.Gatehouse} go beyond {@link
 * dev.gatehouse.bench.RawJcaFloor}. Not part of the default {@code run.sh} suite.
 */
package dev.gatehouse.bench.stages;
