package dev.gatehouse.store;

import java.util.Locale;

/**
 * What the filter does while its {@link SharedStore} cannot be reached ({@code
 * gatehouse.store.unavailable}).
 */
public enum StoreOutage {
  /**
   * A revocation, replay or nonce check that cannot ask the store answers 503 with {@code
   * Retry-After}. The default: nothing is accepted that the cluster might refuse.
   */
  FAIL_CLOSED("fail-closed"),
  /**
   * Such a check asks an in-process store instead, with one warning per outage and a metric; what
   * this node knows is revoked stays refused, but a revocation or a used DPoP proof known only to
   * another node is not seen until the store answers again.
   */
  NODE_LOCAL("node-local");

  private final String setting;

  StoreOutage(String setting) {
    this.setting = setting;
  }

  /** The value as written in the setting. */
  public String setting() {
    return setting;
  }

  /**
   * @throws IllegalArgumentException when {@code value} is neither {@code fail-closed} nor {@code
   *     node-local}
   */
  public static StoreOutage named(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (StoreOutage outage : values()) {
      if (outage.setting.equals(wanted)) {
        return outage;
      }
    }
    throw new IllegalArgumentException("'" + value + "' must be fail-closed or node-local");
  }
}
