package dev.gatehouse.verify;

import dev.gatehouse.config.ConfigKey;

/**
 * Bounds of the verified-token cache ({@code gatehouse.token-cache.*}).
 *
 * @param maxEntries how many verified tokens are remembered; 0 turns the cache off
 * @param maxBytes estimated memory the entries may use
 */
public record TokenCachePolicy(int maxEntries, long maxBytes) {

  /** 10,000 tokens and 32 MiB. */
  public static final TokenCachePolicy DEFAULTS = new TokenCachePolicy(10_000, 32L * 1024 * 1024);

  /**
   * @throws IllegalArgumentException naming the bound that is out of range
   */
  public TokenCachePolicy {
    if (maxEntries < 0 || maxEntries > 10_000_000) {
      throw new IllegalArgumentException(
          ConfigKey.TOKEN_CACHE_MAX_ENTRIES.property()
              + ": "
              + maxEntries
              + " is outside 0..10000000");
    }
    if (maxBytes < 64 * 1024 || maxBytes > 4L * 1024 * 1024 * 1024) {
      throw new IllegalArgumentException(
          ConfigKey.TOKEN_CACHE_MAX_BYTES.property()
              + ": "
              + maxBytes
              + " is outside 64 KiB..4 GiB");
    }
  }

  public boolean enabled() {
    return maxEntries > 0;
  }
}
