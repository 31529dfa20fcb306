package dev.gatehouse;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What a container hands to {@code init}: init-params and a servlet context holding attributes. */
final class FilterConfigs {

  private FilterConfigs() {}

  static FilterConfig of(Map<String, String> params) {
    return of(params, context(new ConcurrentHashMap<>()));
  }

  static FilterConfig of(Map<String, String> params, ServletContext context) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "gatehouse";
      }

      @Override
      public ServletContext getServletContext() {
        return context;
      }

      @Override
      public String getInitParameter(String name) {
        return params.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
      }
    };
  }

  /** A servlet context that supports attributes and nothing else. */
  static ServletContext context(Map<String, Object> attributes) {
    return (ServletContext)
        Proxy.newProxyInstance(
            FilterConfigs.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }
}
