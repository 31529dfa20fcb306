/**
 * Gatehouse's shared state ({@link dev.gatehouse.store.SharedStore}) on Hazelcast, for several
 * nodes of one application behind a load balancer: selected with {@code gatehouse.store=hazelcast}
 * ({@link dev.gatehouse.hazelcast.HazelcastStoreFactory}), or built around the application's own
 * instance with {@link dev.gatehouse.hazelcast.HazelcastSharedStore#using}.
 */
package dev.gatehouse.hazelcast;
