package dev.gatehouse.discovery;

import dev.gatehouse.IssuerNames;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jose4j.http.SimpleGet;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the provider's OpenID Connect Discovery document once, on first use, for its {@code
 * jwks_uri}. A failure is remembered for the refresh cooldown, so a provider that is down is asked
 * again at that pace and no faster, whatever the request rate.
 */
final class ProviderDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

  private final URI issuer;
  private final SimpleGet http;
  private final boolean insecureLoopbackHttp;
  private final Duration retryAfter;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile URI jwksUri;
  private long retryAtNanos;
  private Cause lastFailure;

  ProviderDiscovery(URI issuer, SimpleGet http, boolean insecureLoopbackHttp, Duration retryAfter) {
    this.issuer = issuer;
    this.http = http;
    this.insecureLoopbackHttp = insecureLoopbackHttp;
    this.retryAfter = retryAfter;
  }

  /**
   * @throws ProviderUnavailableException when the document cannot be had or is not acceptable
   */
  URI jwksUri() {
    URI known = jwksUri;
    if (known != null) {
      return known;
    }
    lock.lock();
    try {
      if (jwksUri != null) {
        return jwksUri;
      }
      long now = System.nanoTime();
      if (lastFailure != null && now - retryAtNanos < 0) {
        throw new ProviderUnavailableException(
            lastFailure, Duration.ofNanos(retryAtNanos - now), null);
      }
      try {
        jwksUri = fetch();
        lastFailure = null;
        return jwksUri;
      } catch (ProviderUnavailableException e) {
        lastFailure = e.reason();
        retryAtNanos = now + retryAfter.toNanos();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private URI fetch() {
    URI location = IssuerNames.discoveryDocument(issuer);
    Map<String, Object> document;
    try {
      document = JsonUtil.parseJson(http.get(location.toString()).getBody());
    } catch (IOException e) {
      LOG.warn("gatehouse discovery_failed: cannot read {} ({})", location, e.toString());
      throw unavailable(Cause.DISCOVERY_FAILED, e);
    } catch (JoseException | RuntimeException e) {
      LOG.warn("gatehouse discovery_invalid: {} is not a JSON object", location);
      throw unavailable(Cause.DISCOVERY_INVALID, null);
    }
    Object advertised = document.get("issuer");
    if (!issuer.toString().equals(advertised)) {
      // OpenID Connect Discovery 1.0 section 4.3: the document must name exactly our issuer.
      LOG.warn(
          "gatehouse discovery_issuer_mismatch: {} names issuer '{}', configured is '{}'",
          location, advertised, issuer);
      throw unavailable(Cause.DISCOVERY_ISSUER_MISMATCH, null);
    }
    Object jwks = document.get("jwks_uri");
    try {
      URI uri = URI.create((String) jwks);
      IssuerNames.requireFetchable(uri, insecureLoopbackHttp, "jwks_uri of " + location);
      return uri;
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      LOG.warn("gatehouse discovery_invalid: {} has no acceptable jwks_uri ({})", location,
          e instanceof IllegalArgumentException ? e.getMessage() : "missing");
      throw unavailable(Cause.DISCOVERY_INVALID, null);
    }
  }

  private ProviderUnavailableException unavailable(Cause cause, Throwable detail) {
    return new ProviderUnavailableException(cause, retryAfter, detail);
  }
}
