package dev.gatehouse.test;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link LocalOpenIdProvider} for a test class and points Gatehouse at it through system
 * properties ({@code gatehouse.issuer}, {@code gatehouse.audiences}, {@code gatehouse.algorithms},
 * {@code gatehouse.allow-insecure-loopback-http}), which MicroProfile Config implementations read.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatehouseTestExtension provider = GatehouseTestExtension.forAudience("https://api.example.com");
 * }</pre>
 *
 * <p>Registered on a static field (or with {@code @ExtendWith}, audience {@value
 * #DEFAULT_AUDIENCE}) the provider lives for the class; on an instance field, for each test. After
 * each test the provider is {@linkplain LocalOpenIdProvider#reset() reset}; the system properties
 * it set are restored to what they were when it stops. Test methods may take a {@link
 * LocalOpenIdProvider} or {@link Tokens} parameter.
 */
public final class GatehouseTestExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  public static final String DEFAULT_AUDIENCE = "https://api.example.com";

  private final String[] audiences;
  private final Map<String, String> previous = new HashMap<>();
  private LocalOpenIdProvider provider;
  private boolean perClass;

  /** The class context that started the provider: a {@code @Nested} class shares it. */
  private String owner;

  /** For {@code @ExtendWith}: tokens for {@value #DEFAULT_AUDIENCE}. */
  public GatehouseTestExtension() {
    this(DEFAULT_AUDIENCE);
  }

  private GatehouseTestExtension(String... audiences) {
    this.audiences = audiences.clone();
  }

  public static GatehouseTestExtension forAudience(String audience, String... more) {
    String[] all = new String[more.length + 1];
    all[0] = audience;
    System.arraycopy(more, 0, all, 1, more.length);
    return new GatehouseTestExtension(all);
  }

  /** The running provider; fails outside a test's lifetime. */
  public LocalOpenIdProvider provider() {
    if (provider == null) {
      throw new IllegalStateException("the provider runs only while a test class or test runs");
    }
    return provider;
  }

  public Tokens tokens() {
    return provider().tokens();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (provider == null) {
      perClass = true;
      owner = id(context);
      start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (provider == null) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perClass) {
      provider.reset();
    } else {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (java.util.Objects.equals(owner, id(context))) {
      stop();
    }
  }

  private static String id(ExtensionContext context) {
    return context == null ? "" : context.getUniqueId();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalOpenIdProvider.class || type == Tokens.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Tokens.class ? tokens() : provider();
  }

  private void start() {
    provider = LocalOpenIdProvider.start(audiences);
    provider.settings().forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
  }

  private void stop() {
    if (provider == null) {
      return;
    }
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
    previous.clear();
    provider.close();
    provider = null;
    perClass = false;
    owner = null;
  }
}
