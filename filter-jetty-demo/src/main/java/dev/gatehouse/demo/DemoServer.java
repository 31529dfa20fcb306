package dev.gatehouse.demo;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.login.GatehouseLoginFilter;
import dev.gatehouse.login.LoginConfig;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.jetty.JettyContainer;
import org.jboss.weld.environment.servlet.Listener;

/**
 * A small API on embedded Jetty 12 (ee10), protected by {@link GatehouseFilter} on {@code /api/*}:
 *
 * <ul>
 *   <li>{@code GET /health}: public, {@code {"status":"up"}};
 *   <li>{@code GET /api/me}: any valid token; subject, client id, scopes and expiry;
 *   <li>{@code GET /api/orders}: needs {@code read:orders};
 *   <li>{@code POST /api/orders}: needs {@code write:orders};
 *   <li>{@code POST /admin/revocations}: revokes a {@code jti} or a subject ({@link
 *       RevocationsServlet}), for a token with {@code admin:revocations} when the configuration
 *       holds {@link #ADMIN_RULE};
 *   <li>{@code GET /api/dpop/me}: as {@code /api/me}, for a DPoP-bound token with a proof only (RFC
 *       9449), when the configuration holds {@link #DPOP_RULE}; {@link DpopDemoClient} calls it;
 *   <li>with a {@link LoginConfig}: {@code GET /app}, the signed-in user's page behind {@link
 *       GatehouseLoginFilter} (browser login, logout button), and the public {@code /signed-out}.
 * </ul>
 *
 * <p>The API is served by CDI beans (Weld's servlet integration, see {@link #enableCdi}): the
 * servlets are registered by class so that Jetty creates them and Weld injects them, {@link
 * OrderService} guards its methods with {@code @RequiresScopes}, and {@code /api/me} reads the
 * injected {@code AccessToken}.
 *
 * <p>{@link #create} builds the server for a given configuration, for tests and embedding; {@link
 * #main} chooses the provider from the settings (see {@code --help}) and runs it.
 */
public final class DemoServer {

  /** The rule that makes {@code /api/dpop/*} accept DPoP-bound tokens with a proof only. */
  public static final String DPOP_RULE = "* /api/dpop/* authenticated dpop=required";

  /** The rule that lets only an operator's token revoke through {@code /admin/revocations}. */
  public static final String ADMIN_RULE = "* /admin/* scopes=admin:revocations";

  /** Where the demo listens: never on a public interface. */
  public static final String HOST = "127.0.0.1";

  private static final AtomicInteger CDI_CONTAINERS = new AtomicInteger();

  private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private DemoServer() {}

  /**
   * An unstarted server on {@value #HOST} and {@code port} (0 for any free port; read it back with
   * {@code ((ServerConnector) server.getConnectors()[0]).getLocalPort()} once started).
   */
  public static Server create(int port, GatehouseConfig config) {
    return create(port, config, Optional.empty());
  }

  /** As {@link #create(int, GatehouseConfig)}, plus the browser login on {@code /app}. */
  public static Server create(int port, GatehouseConfig config, LoginConfig login) {
    return create(port, config, Optional.of(login));
  }

  private static Server create(int port, GatehouseConfig config, Optional<LoginConfig> login) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(HOST);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
    FilterHolder gatehouse = named("gatehouse", new FilterHolder(new GatehouseFilter(config)));
    context.addFilter(gatehouse, "/api/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(gatehouse, "/admin/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
    enableCdi(context);
    context.addServlet(MeServlet.class, "/api/me");
    context.addServlet(OrdersServlet.class, "/api/orders");
    context.addServlet(MeServlet.class, "/api/dpop/me");
    context.addServlet(
        new ServletHolder("revocations", new RevocationsServlet()), "/admin/revocations");
    login.ifPresent(
        l -> {
          context.addFilter(
              named("gatehouse-login", new FilterHolder(new GatehouseLoginFilter(config, l))),
              DemoLogin.LOGIN_PATHS,
              EnumSet.of(DispatcherType.REQUEST));
          context.addServlet(new ServletHolder("app", new AppServlet()), DemoLogin.LOGIN_PATHS);
          context.addServlet(
              new ServletHolder("signed-out", new SignedOutServlet()), DemoLogin.SIGNED_OUT_PATH);
        });
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowServlet(false);
    context.setErrorHandler(errors);
    server.setHandler(context);
    return server;
  }

  /** A stable filter name: the filter's metrics (JMX) are published under it. */
  private static FilterHolder named(String name, FilterHolder holder) {
    holder.setName(name);
    return holder;
  }

  /**
   * Weld's servlet integration on embedded Jetty without {@code jetty-ee10-cdi}: Weld finds Jetty's
   * {@link DecoratingListener} by the {@code org.eclipse.jetty.cdi} attribute and injects what
   * Jetty creates from a class. Each context gets its own container id, as tests run several
   * servers in one JVM; Jetty is named explicitly because Weld would pick Tomcat's integration
   * whenever Tomcat is on the class path (the integration tests have both).
   */
  private static void enableCdi(ServletContextHandler context) {
    context.setInitParameter(
        "WELD_CONTEXT_ID_KEY", "gatehouse-demo-" + CDI_CONTAINERS.incrementAndGet());
    context.setInitParameter(
        "org.jboss.weld.environment.container.class", JettyContainer.class.getName());
    context.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
    context.addEventListener(new DecoratingListener(context, "org.eclipse.jetty.cdi.decorator"));
    context.addEventListener(new Listener());
  }

  /** Runs the demo until Ctrl+C; {@code --help} lists the settings. */
  public static void main(String[] args) throws Exception {
    // Weld logs through JBoss Logging, which would otherwise pick java.util.logging and bypass
    // the demo's slf4j-simple settings.
    if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
      System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
    }
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(Help.text());
      return;
    }
    if (List.of(args).equals(List.of("--provider-only"))) {
      ProviderOnly.run(DemoSettings.fromMicroProfile());
      return;
    }
    if (args.length > 0) {
      fail(
          2,
          "unknown argument '"
              + args[0]
              + "'; settings are environment variables or"
              + " system properties, which go before -jar: java -Ddemo.port=9090 -jar ... (--help)");
    }
    DemoSettings settings = DemoSettings.fromMicroProfile();
    try {
      run(settings.port(), settings);
    } catch (IllegalArgumentException e) {
      fail(1, "configuration: " + e.getMessage() + "\nSee --help for every setting.");
    } catch (IOException e) {
      fail(
          1,
          "cannot listen on "
              + HOST
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); choose another port with DEMO_PORT or -Ddemo.port");
    } catch (UncheckedIOException e) {
      fail(1, e.getMessage() + "; choose another port with DEMO_PROVIDER_PORT");
    }
  }

  private static void run(int port, DemoSettings settings) throws Exception {
    try (Launch launch = Launch.prepare(settings)) {
      Server server = create(port, launch.config(), launch.login());
      try {
        server.start();
      } catch (Exception e) {
        // A bean that fails at start (a wrong setting) leaves part of the server started.
        server.stop();
        throw e;
      }
      server.setStopAtShutdown(true);
      int actual = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      System.out.println(launch.instructions(URI.create("http://" + HOST + ":" + actual)));
      server.join();
    }
  }

  private static void fail(int status, String message) {
    System.err.println("gatehouse demo: " + message);
    System.exit(status);
  }
}
