package dev.gatehouse.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The demo's orders, kept in memory: two samples, then at most {@code capacity} recent ones. */
final class OrderBook {

  /** One order; {@code placedBy} is the subject of the token that placed it. */
  record Order(long id, String item, int quantity, String placedBy) {
    Json toJson() {
      return Json.object()
          .put("id", id)
          .put("item", item)
          .put("quantity", quantity)
          .put("placed_by", placedBy);
    }
  }

  private final Deque<Order> orders = new ArrayDeque<>();
  private final int capacity;
  private long nextId = 1001;

  OrderBook(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(OrderService.CAPACITY + " must be at least 1");
    }
    this.capacity = capacity;
    place("coffee beans", 2, "sample");
    place("green tea", 1, "sample");
  }

  synchronized Order place(String item, int quantity, String placedBy) {
    Order order = new Order(nextId++, item, quantity, placedBy);
    orders.addLast(order);
    if (orders.size() > capacity) {
      orders.removeFirst();
    }
    return order;
  }

  synchronized List<Order> all() {
    return List.copyOf(orders);
  }
}
