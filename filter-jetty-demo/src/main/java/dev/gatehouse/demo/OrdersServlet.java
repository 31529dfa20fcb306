package dev.gatehouse.demo;

import dev.gatehouse.AccessToken;
import dev.gatehouse.authz.RequiredScopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code GET /api/orders} needs {@value #READ}, {@code POST /api/orders} needs {@value #WRITE}.
 *
 * <p>The scope checks live here, per method, rather than in the filter's configuration: {@link
 * RequiredScopes#require} throws, and the filter answers 403 {@code insufficient_scope} with the
 * missing scope named in the challenge.
 */
final class OrdersServlet extends ProtectedServlet {

  static final String READ = "read:orders";
  static final String WRITE = "write:orders";
  static final int MAX_ITEM_LENGTH = 64;
  static final int MAX_QUANTITY = 1000;

  private static final long serialVersionUID = 1L;

  private final transient OrderBook book = new OrderBook();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    RequiredScopes.require(token(request), Set.of(READ));
    StringJoiner orders = new StringJoiner(",", "[", "]");
    book.all().forEach(o -> orders.add(o.toJson().toString()));
    Json body = Json.object().putRaw("orders", orders.toString());
    Json.write(response, HttpServletResponse.SC_OK, body);
  }

  /** Form fields {@code item} (default "coffee beans") and {@code quantity} (default 1). */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AccessToken token = token(request);
    RequiredScopes.require(token, Set.of(WRITE));
    String item = valueOr(request.getParameter("item"), "coffee beans");
    String quantity = valueOr(request.getParameter("quantity"), "1");
    if (item.length() > MAX_ITEM_LENGTH || !item.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      invalid(response, "item must be 1 to " + MAX_ITEM_LENGTH + " printable characters");
      return;
    }
    if (!quantity.matches("[0-9]{1,4}")
        || Integer.parseInt(quantity) < 1
        || Integer.parseInt(quantity) > MAX_QUANTITY) {
      invalid(response, "quantity must be a whole number from 1 to " + MAX_QUANTITY);
      return;
    }
    OrderBook.Order order =
        book.place(item, Integer.parseInt(quantity), token.subject().orElse("unknown"));
    Json.write(response, HttpServletResponse.SC_CREATED, order.toJson());
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static void invalid(HttpServletResponse response, String description)
      throws IOException {
    Json.write(
        response,
        HttpServletResponse.SC_BAD_REQUEST,
        Json.object().put("error", "invalid_order").put("error_description", description));
  }
}
