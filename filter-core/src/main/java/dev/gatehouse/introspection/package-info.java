/** Step 3 for opaque tokens: RFC 7662 token introspection, cached and single-flight per token. */
package dev.gatehouse.introspection;
