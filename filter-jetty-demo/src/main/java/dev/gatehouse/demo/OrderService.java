package dev.gatehouse.demo;

import dev.gatehouse.cdi.Claim;
import dev.gatehouse.cdi.RequiresScopes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The orders, as one CDI bean for the whole application. Each method states the scope it needs with
 * {@link RequiresScopes}; the interceptor checks it against the token of the request in progress,
 * and a refusal becomes the filter's 403 {@code insufficient_scope}. The scope check runs before
 * the method, so a caller without the scope learns nothing about its input's validity.
 */
@ApplicationScoped
public class OrderService {

  static final String READ = "read:orders";
  static final String WRITE = "write:orders";
  static final int MAX_ITEM_LENGTH = 64;
  static final int MAX_QUANTITY = 1000;

  /** How many recent orders the demo keeps in memory (MicroProfile Config). */
  static final String CAPACITY = "demo.orders.capacity";

  static final String DEFAULT_CAPACITY = "100";

  @Inject
  @ConfigProperty(name = CAPACITY, defaultValue = DEFAULT_CAPACITY)
  int capacity;

  // The bean outlives every request, so the claim is looked up per call, never injected as a value.
  @Inject
  @Claim("sub")
  Provider<Optional<String>> subject;

  private OrderBook book;

  @PostConstruct
  void open() {
    book = new OrderBook(capacity);
  }

  /** Made when the application starts, so that a wrong capacity stops the start, not a request. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Nothing to do: being notified is what makes the container create the bean now.
  }

  @RequiresScopes(READ)
  public List<OrderBook.Order> list() {
    return book.all();
  }

  /**
   * Places an order for the caller ({@code sub}, else "unknown").
   *
   * @param item 1 to {@value #MAX_ITEM_LENGTH} printable characters
   * @param quantity a whole number from 1 to {@value #MAX_QUANTITY}, as sent
   */
  @RequiresScopes(WRITE)
  public OrderBook.Order place(String item, String quantity) throws InvalidOrderException {
    if (item.length() > MAX_ITEM_LENGTH || !item.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      throw new InvalidOrderException(
          "item must be 1 to " + MAX_ITEM_LENGTH + " printable characters");
    }
    if (!quantity.matches("[0-9]{1,4}")
        || Integer.parseInt(quantity) < 1
        || Integer.parseInt(quantity) > MAX_QUANTITY) {
      throw new InvalidOrderException("quantity must be a whole number from 1 to " + MAX_QUANTITY);
    }
    return book.place(item, Integer.parseInt(quantity), subject.get().orElse("unknown"));
  }

  /** The order's fields are not acceptable; the message is fixed text, safe to answer with. */
  public static final class InvalidOrderException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidOrderException(String description) {
      super(description, null, false, false);
    }
  }
}
