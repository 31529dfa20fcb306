package dev.gatehouse.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP client that keeps cookies like a browser and does not follow redirects, so each hop of
 * the login can be looked at. {@link #navigate} sends what a browser's page navigation sends.
 */
final class Browser {

  static final String NAVIGATION_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .cookieHandler(cookies)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpResponse<String> navigate(URI uri) {
    return send(HttpRequest.newBuilder(uri).header("Accept", NAVIGATION_ACCEPT).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Follows a redirect the way a browser would: a GET of the {@code Location}. */
  HttpResponse<String> follow(HttpResponse<String> redirect) {
    return navigate(location(redirect));
  }

  static URI location(HttpResponse<String> response) {
    return response
        .uri()
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(
                    () -> new AssertionError("no Location in HTTP " + response.statusCode())));
  }

  static Map<String, String> query(URI uri) {
    return LocalOidcProvider.form(uri.getRawQuery());
  }

  Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  void setSessionId(URI uri, String id) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie("JSESSIONID", id);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(uri, cookie);
  }
}
