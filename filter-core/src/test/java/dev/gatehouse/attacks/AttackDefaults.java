package dev.gatehouse.attacks;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.TestTokens;

/** What every attack test starts from; the refusals it expects are in testing.Refusals. */
final class AttackDefaults {

  private AttackDefaults() {}

  /** The configuration every attack test starts from: the local provider, defaults otherwise. */
  static GatehouseConfigBuilder defaults(LocalJwksServer provider) {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(TestTokens.AUDIENCE)
        .allowInsecureLoopbackHttp();
  }
}
