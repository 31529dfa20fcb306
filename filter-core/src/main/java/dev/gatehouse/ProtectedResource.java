package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.sender.ClientCertificateSource;
import dev.gatehouse.internal.sender.ProxyAddresses;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the filter says about the API it protects and where it finds the client's certificate: the
 * resource identifier its metadata (RFC 9728) is served for, and the source of certificates for
 * certificate-bound tokens (RFC 8705). Immutable.
 */
public final class ProtectedResource {

  /** RFC 9728 section 3: inserted between the host and the path of the resource identifier. */
  public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private final @Nullable URI resource;
  private final ClientCertificateSource certificates;

  private ProtectedResource(Builder b) {
    this.resource = b.resource;
    this.certificates = b.certificates;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The resource identifier; when empty no metadata is served and challenges do not name it. */
  public Optional<URI> resource() {
    return Optional.ofNullable(resource);
  }

  /** Where a certificate-bound token's certificate is read from (default: the TLS handshake). */
  ClientCertificateSource clientCertificates() {
    return certificates;
  }

  /**
   * The URL of the metadata document (RFC 9728 section 3.1): the well-known path inserted between
   * the host and the resource's path, any terminating slash of that path removed first.
   */
  public Optional<URI> metadataUrl() {
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(
        URI.create(
            resource.getScheme()
                + "://"
                + resource.getRawAuthority()
                + metadataPath().orElseThrow()));
  }

  /** The path part of {@link #metadataUrl()}, which the filter answers on. */
  public Optional<String> metadataPath() {
    if (resource == null) {
      return Optional.empty();
    }
    String path = resource.getRawPath() == null ? "" : resource.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return Optional.of(WELL_KNOWN + path);
  }

  /** Collects the two settings; checked in {@link #build()}. */
  public static final class Builder {
    private @Nullable URI resource;
    private ClientCertificateSource certificates = ClientCertificateSource.direct();

    private Builder() {}

    /**
     * The resource identifier (RFC 9728 section 2): an absolute {@code https} URL without query or
     * fragment, the URL clients call the API by. Setting it serves the metadata document and adds
     * {@code resource_metadata} to every challenge.
     */
    public Builder resource(URI resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /**
     * Reads the client certificate from {@code header} on requests from a TLS-terminating proxy at
     * one of {@code proxies} (IP literals or CIDR blocks); other requests still count only the
     * certificate of their own TLS handshake.
     */
    public Builder clientCertificateHeader(String header, List<String> proxies) {
      String property = ConfigKey.MTLS_TRUSTED_PROXIES.property();
      if (proxies.isEmpty()) {
        throw new IllegalArgumentException(
            property + ": a certificate header needs the addresses of the proxies that set it");
      }
      try {
        this.certificates = ClientCertificateSource.behindProxy(header, ProxyAddresses.of(proxies));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
      }
      return this;
    }

    ProtectedResource build() {
      if (resource != null) {
        requireResourceIdentifier(resource);
      }
      return new ProtectedResource(this);
    }

    private static void requireResourceIdentifier(URI uri) {
      String problem =
          !uri.isAbsolute() || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
              ? "must be an absolute https URL"
              : uri.getRawAuthority() == null || uri.getHost() == null
                  ? "has no host"
                  : uri.getRawQuery() != null || uri.getRawFragment() != null
                      ? "must have no query and no fragment"
                      : uri.getRawUserInfo() != null ? "must have no user information" : null;
      if (problem != null) {
        throw new IllegalArgumentException(
            ConfigKey.RESOURCE.property() + ": '" + uri + "' " + problem);
      }
    }
  }
}
