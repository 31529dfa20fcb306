package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only a page navigation is ever answered with a redirect to the login page. */
class BrowserRequestsTest {

  @Test
  void isNavigationWhenGetAcceptingHtmlThenTrue() {
    assertTrue(BrowserRequests.isNavigation(get(Collections.enumeration(List.of("text/html")))));
  }

  @Test
  void isNavigationWhenContainerHidesHeadersThenFalse() {
    // Servlet 6.0: getHeaders answers null when the container does not allow access to headers.
    assertFalse(BrowserRequests.isNavigation(get(null)));
  }

  /** A GET whose only header is {@code Accept}, as {@code accepts} gives it. */
  private static HttpServletRequest get(Enumeration<String> accepts) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            BrowserRequestsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMethod" -> "GET";
                  case "getHeaders" ->
                      "Accept".equals(args[0]) ? accepts : Collections.emptyEnumeration();
                  case "getHeader" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
