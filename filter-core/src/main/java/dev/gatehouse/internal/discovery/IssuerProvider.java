package dev.gatehouse.internal.discovery;

import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.time.Ticker;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * One trusted issuer's provider: its discovery document and its signature keys, made once per
 * configuration and shared by every step that needs them (the access-token verifier, the token
 * cache, the login's endpoints and its ID token check), so that the provider sees one discovery
 * request and one JWKS request however many steps ask. Nothing is fetched before first use.
 */
public final class IssuerProvider {

  private final URI issuer;
  private final ProviderDiscovery discovery;
  private final KeySource keys;

  private IssuerProvider(URI issuer, ProviderDiscovery discovery, KeySource keys) {
    this.issuer = issuer;
    this.discovery = discovery;
    this.keys = keys;
  }

  /**
   * @param settings this issuer, its JWKS URL and the limits of fetching from it
   * @param clock the time source of cooldowns and key lifetimes
   * @param configuredKeys the keys given in the configuration, or null to fetch them: from the
   *     configured JWKS URL, else from the one the discovery document names
   * @param metrics counts discovery and JWKS fetches
   */
  public static IssuerProvider create(
      ProviderSettings settings,
      Clock clock,
      @Nullable KeySource configuredKeys,
      MetricsRecorder metrics) {
    Ticker ticker = Ticker.of(clock);
    ProviderDiscovery discovery = ProviderDiscovery.create(settings, clock, metrics);
    KeySource keys =
        configuredKeys != null
            ? configuredKeys
            : RemoteKeySource.create(settings, discovery, metrics, ticker);
    return new IssuerProvider(settings.issuer(), discovery, keys);
  }

  /** The issuer, exactly as it appears in {@code iss}. */
  public URI issuer() {
    return issuer;
  }

  /** The discovery document, read once on first use; the login's endpoints come from it. */
  public ProviderDiscovery discovery() {
    return discovery;
  }

  /** The keys this issuer's tokens (access and ID tokens alike) are verified with. */
  public KeySource keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "IssuerProvider[" + issuer + "]";
  }
}
