/**
 * Counters of what the filter decided and what it fetched, kept once per filter and read by JMX
 * and, when the application has it, by Micrometer.
 */
package dev.gatehouse.metrics;
