/**
 * JMH benchmarks: one class per verifier, each checking the same things (signature, {@code exp},
 * {@code nbf}, {@code iss}, {@code aud}, a scope claim present) on the same pool of tokens, next to
 * {@link dev.gatehouse.bench.RawJcaFloor}, the cost no verifier can avoid.
 */
package dev.gatehouse.bench;
