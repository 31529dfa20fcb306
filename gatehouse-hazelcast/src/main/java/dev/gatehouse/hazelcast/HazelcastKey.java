package dev.gatehouse.hazelcast;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;

/**
 * Every setting {@code gatehouse-hazelcast} reads, each under {@code gatehouse.store.hazelcast.}
 * and each with the default used when it is not set (docs/hazelcast.md lists them all).
 */
public enum HazelcastKey {
  /** {@code member}: this JVM runs an embedded member; {@code client}: it connects to a cluster. */
  MODE("mode", "member"),
  /** The cluster to form or join; nodes with another name never share anything. */
  CLUSTER_NAME("cluster-name", "gatehouse"),
  /** The members to join (host:port, separated by commas): TCP-IP join, never multicast. */
  MEMBERS("members", "127.0.0.1:5701"),
  /** The port an embedded member listens on. */
  PORT("port", "5701"),
  /** The interface an embedded member binds to and announces. */
  INTERFACE("interface", "127.0.0.1"),
  /** {@code on}: revocations are read through a near cache that Hazelcast invalidates. */
  NEAR_CACHE("near-cache", "on"),
  /** How long one store operation may take before it fails as unavailable. */
  OPERATION_TIMEOUT("operation-timeout", "1s"),
  /** The first part of every map name, so that several applications can share one cluster. */
  MAP_PREFIX("map-prefix", "gatehouse."),
  /** Revoked token ids, subjects and sessions held cluster-wide before new ones are refused. */
  REVOCATION_MAX_ENTRIES("revocation-max-entries", "1000000"),
  /** Proofs remembered cluster-wide before new ones are refused as FULL. */
  REPLAY_MAX_ENTRIES("replay-max-entries", "1000000"),
  /** Introspection answers kept per member before the least recently used are dropped. */
  INTROSPECTION_MAX_ENTRIES("introspection-max-entries", "100000"),
  /** The name of a running instance to use instead of starting one; empty: start one. */
  INSTANCE_NAME("instance-name", "");

  /** The prefix of every key here. */
  public static final String PREFIX = "gatehouse.store.hazelcast.";

  private final String property;
  private final String defaultValue;

  HazelcastKey(String suffix, String defaultValue) {
    this.property = PREFIX + suffix;
    this.defaultValue = defaultValue;
  }

  /** The full property name, such as {@code gatehouse.store.hazelcast.mode}. */
  public String property() {
    return property;
  }

  /** The value used when the key is not set; empty only for {@link #INSTANCE_NAME}. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The environment-variable form, following filter-core's rule. */
  public String environmentVariable() {
    return ConfigKey.environmentVariable(property);
  }

  /** The value of this key in {@code settings}, or its default. */
  String in(PropertyLookup settings) {
    return settings.get(property).map(String::trim).orElse(defaultValue);
  }
}
