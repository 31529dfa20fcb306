package dev.gatehouse.it;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The application {@link PathRulesChecks} puts behind Gatehouse in each container, at context
 * {@code /shop}: the filter on {@code /*} from init-params, a Jersey (JAX-RS) application on {@code
 * /api/*} that serves {@code /api/secret} and {@code /api/secret/} alike, and {@link Anything} as
 * the default servlet, answering 200 to every other path as a catch-all router would.
 */
final class JaxRsApp {

  static final String CONTEXT = "/shop";
  static final String JERSEY_MAPPING = "/api/*";

  private JaxRsApp() {}

  /** A container that can run this application with the given filter settings. */
  interface Host extends AutoCloseable {
    /**
     * @return the application's base URI, {@code http://127.0.0.1:port/shop}
     */
    java.net.URI start(Map<String, String> settings) throws Exception;
  }

  static ServletContainer jersey() {
    return new ServletContainer(new ResourceConfig(Resources.class));
  }

  /** JAX-RS resources below {@code /api}; each answers with its own name. */
  @Path("/")
  @Produces("text/plain")
  public static class Resources {
    @GET
    @Path("secret")
    public String secret() {
      return "jersey:secret";
    }

    @GET
    @Path("hello")
    public String hello() {
      return "jersey:hello";
    }

    @GET
    @Path("admin/users")
    public String users() {
      return "jersey:admin/users";
    }
  }

  /** The default servlet: 200 with the path it was given. */
  public static final class Anything extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write("anything:" + req.getServletPath());
    }
  }
}
