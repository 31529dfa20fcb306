package dev.gatehouse.demo;

import dev.gatehouse.cdi.CurrentRequest;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.util.Decorator;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * CDI for one servlet context of embedded Jetty, with Weld SE: the container lives as long as the
 * context, every request runs in its own request context bound to the servlet request, and what
 * Jetty creates from a class (servlets, filters) gets its {@code @Inject} fields.
 *
 * <p>Why not Weld's servlet integration ({@code weld-servlet-core}): its {@code
 * ServletContainerInitializer} starts Weld in every web application that can see it. The
 * integration tests deploy sample WARs, which must run without CDI, on the same class path as the
 * demo; there it started Weld inside the WARs and broke them.
 */
final class ServletCdi implements ServletContextListener, ServletRequestListener {

  private static final AtomicInteger CONTAINERS = new AtomicInteger();
  private static final String REQUEST_CONTEXT = ServletCdi.class.getName() + ".requestContext";

  private final String id = "gatehouse-demo-" + CONTAINERS.incrementAndGet();
  private final Map<Object, CreationalContext<?>> injected = new IdentityHashMap<>();
  private volatile WeldContainer container;

  private ServletCdi() {}

  static void enable(ServletContextHandler context) {
    ServletCdi cdi = new ServletCdi();
    context.addEventListener(cdi);
    context.getObjectFactory().addDecorator(cdi.new Injector());
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    // One flat archive: the demo's classes (META-INF/beans.xml) and Gatehouse's extension beans
    // must see each other. The context, not a JVM shutdown hook, ends the container.
    container =
        new Weld(id)
            .property("org.jboss.weld.se.archive.isolation", false)
            .skipShutdownHook()
            .initialize();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    WeldContainer running = container;
    if (running != null && running.isRunning()) {
      running.shutdown();
    }
  }

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    RequestContextController requestContext =
        container.select(RequestContextController.class).get();
    requestContext.activate();
    event.getServletRequest().setAttribute(REQUEST_CONTEXT, requestContext);
    container.select(CurrentRequest.class).get().bind(event.getServletRequest());
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (event.getServletRequest().getAttribute(REQUEST_CONTEXT)
        instanceof RequestContextController requestContext) {
      requestContext.deactivate();
    }
  }

  /** Injects what Jetty creates from a class, as a container injects its servlets. */
  private final class Injector implements Decorator {

    @Override
    public <T> T decorate(T instance) {
      WeldContainer running = container;
      if (running == null) {
        return instance;
      }
      BeanManager beans = running.getBeanManager();
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) instance.getClass();
      InjectionTarget<T> target =
          beans
              .getInjectionTargetFactory(beans.createAnnotatedType(type))
              .createInjectionTarget(null);
      CreationalContext<T> creation = beans.createCreationalContext(null);
      target.inject(instance, creation);
      target.postConstruct(instance);
      synchronized (injected) {
        injected.put(instance, creation);
      }
      return instance;
    }

    @Override
    public void destroy(Object instance) {
      CreationalContext<?> creation;
      synchronized (injected) {
        creation = injected.remove(instance);
      }
      if (creation != null) {
        creation.release();
      }
    }
  }
}
