package dev.gatehouse.sample.webxml;

import dev.gatehouse.authz.RequiredScopes;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/orders}: needs the {@code read:orders} scope. Without it, {@link
 * RequiredScopes#require} throws and the filter answers 403 {@code insufficient_scope}.
 */
public class OrdersServlet extends HttpServlet {

  static final Set<String> READ = Set.of("read:orders");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AccessToken token =
        AccessToken.from(request)
            .orElseThrow(() -> new ServletException("GatehouseFilter is not mapped to /api/*"));
    RequiredScopes.require(token, READ);
    Json.write(response, Json.object().field("orders", List.of("order-1001", "order-1002")));
  }
}
