package dev.gatehouse.test;

import java.net.http.HttpResponse;

/**
 * Assertions on Gatehouse's answers, on {@link java.net.http.HttpResponse}, with JUnit's own
 * failures (no assertion library imposed):
 *
 * <pre>{@code
 * assertThat(response).isRefused(Rejection.INSUFFICIENT_SCOPE).withScope("read:orders");
 * assertThat(response).isAccepted();
 * }</pre>
 */
public final class GatehouseAssertions {

  private GatehouseAssertions() {}

  public static ResponseAssert assertThat(HttpResponse<?> response) {
    return new ResponseAssert(response);
  }
}
