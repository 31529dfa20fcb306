package dev.gatehouse.bench.stages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Hands the admitted request to nobody, counting it: what a benchmark checks it was admitted by.
 */
final class CountingChain implements FilterChain {
  int passed;
  ServletRequest last;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response) {
    passed++;
    last = request;
  }
}
