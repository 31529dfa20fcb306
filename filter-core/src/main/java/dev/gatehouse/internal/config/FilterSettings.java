package dev.gatehouse.internal.config;

import dev.gatehouse.config.PropertyLookup;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings a filter reads in {@code init}: MicroProfile Config when the application has it,
 * then the filter's init-params. Both sources list their names, so settings with a name inside the
 * key ({@code gatehouse.required-claims.<claim>}, {@code gatehouse.rules.<n>}) are found in either.
 */
public final class FilterSettings {

  private FilterSettings() {}

  /** MicroProfile Config of the context class loader first, then the init-params. */
  public static PropertyLookup of(FilterConfig filterConfig) {
    return microProfile().orElse(initParams(filterConfig));
  }

  /**
   * The same for a servlet (the Shared Signals receiver): MicroProfile Config, then init-params.
   */
  public static PropertyLookup of(ServletConfig servletConfig) {
    return microProfile()
        .orElse(params(servletConfig.getInitParameterNames(), servletConfig::getInitParameter));
  }

  /** The filter's init-params, names included. */
  public static PropertyLookup initParams(FilterConfig filterConfig) {
    return params(filterConfig.getInitParameterNames(), filterConfig::getInitParameter);
  }

  private static PropertyLookup params(
      @Nullable Enumeration<String> names, Function<String, @Nullable String> read) {
    Map<String, String> params = new HashMap<>();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      String value = read.apply(name);
      if (value != null) {
        params.put(name, value);
      }
    }
    return PropertyLookup.of(params);
  }

  private static PropertyLookup microProfile() {
    try {
      return MicroProfileLookup.load(Thread.currentThread().getContextClassLoader())
          .orElse(key -> Optional.empty());
    } catch (LinkageError e) {
      // MicroProfile Config is optional: without its API the init-params are all there is.
      return key -> Optional.empty();
    }
  }
}
