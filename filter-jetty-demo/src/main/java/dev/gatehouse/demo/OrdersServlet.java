package dev.gatehouse.demo;

import dev.gatehouse.demo.OrderService.InvalidOrderException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.StringJoiner;

/**
 * {@code GET /api/orders} and {@code POST /api/orders}, served by {@link OrderService}, which
 * carries the scope requirements. Registered by class, so that Jetty creates it and Weld injects
 * it.
 */
public final class OrdersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient OrderService orders;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    StringJoiner list = new StringJoiner(",", "[", "]");
    orders.list().forEach(o -> list.add(o.toJson().toString()));
    Json.write(
        response, HttpServletResponse.SC_OK, Json.object().putRaw("orders", list.toString()));
  }

  /** Form fields {@code item} (default "coffee beans") and {@code quantity} (default 1). */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String item = valueOr(request.getParameter("item"), "coffee beans");
    String quantity = valueOr(request.getParameter("quantity"), "1");
    try {
      Json.write(response, HttpServletResponse.SC_CREATED, orders.place(item, quantity).toJson());
    } catch (InvalidOrderException e) {
      Json.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          Json.object().put("error", "invalid_order").put("error_description", e.getMessage()));
    }
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
