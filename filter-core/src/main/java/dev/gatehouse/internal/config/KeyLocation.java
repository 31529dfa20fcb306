package dev.gatehouse.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a {@code public-key-location}: a JWKS URL, a file, a {@code file:} URL or a class-path
 * resource.
 */
public final class KeyLocation {

  private KeyLocation() {}

  /**
   * An http(s) location is a JWKS URL, handed to {@code jwksUri}; anything else is read and handed
   * to {@code publicKey}.
   *
   * @throws IllegalArgumentException naming {@code property}
   */
  public static void read(
      String location, String property, Consumer<URI> jwksUri, Consumer<String> publicKey) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      jwksUri.accept(Settings.uri(location, property));
      return;
    }
    try {
      if (lower.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
            (loader != null ? loader : KeyLocation.class.getClassLoader())
                .getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException(property + ": no classpath resource " + resource);
          }
          publicKey.accept(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return;
      }
      Path path = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      publicKey.accept(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof IllegalArgumentException
          && e.getMessage() != null
          && e.getMessage().startsWith(property)) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(property + ": cannot read '" + location + "'");
    }
  }
}
