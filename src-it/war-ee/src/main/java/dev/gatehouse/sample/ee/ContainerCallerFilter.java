package dev.gatehouse.sample.ee;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Mapped after Gatehouse: asks the server to authenticate the request now, which runs {@link
 * GatehouseCallerMechanism} with Gatehouse's verdict in place. The call goes to the server's own
 * request under Gatehouse's wrapper, since that is where the server keeps its security state.
 */
public class ContainerCallerFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ServletRequest server = request;
    while (server instanceof ServletRequestWrapper wrapper) {
      server = wrapper.getRequest();
    }
    ((HttpServletRequest) server).authenticate(response);
    chain.doFilter(request, response);
  }
}
