package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.authz.Revocations;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An application behind Gatehouse as a gateway would put it: the container creates the filter from
 * init-params, mapped on {@code /*} of context {@code /shop}. Every path answers with what the
 * application sees of the caller, including the identity headers; {@code POST /shop/api/logout}
 * revokes the caller's own token through the revocation list the filter published.
 */
final class GatewayApp implements AutoCloseable {

  private final Server server;
  private final URI base;

  private GatewayApp(Map<String, String> settings) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder filter = new FilterHolder(GatehouseFilter.class);
    filter.setInitParameters(settings);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(WhoAmI.class, "/");
    context.addServlet(Logout.class, "/api/logout");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop");
  }

  static GatewayApp start(Map<String, String> settings) throws Exception {
    return new GatewayApp(settings);
  }

  String url(String path) {
    return base + path;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** {@code name=value} lines: the principal, the token's issuer and scopes, identity headers. */
  public static final class WhoAmI extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      AccessToken token = AccessToken.from(req).orElse(null);
      StringBuilder out = new StringBuilder();
      out.append("principal=").append(req.getRemoteUser()).append('\n');
      out.append("issuer=").append(token == null ? null : token.issuer()).append('\n');
      out.append("scopes=")
          .append(token == null ? null : String.join(" ", token.scopes()))
          .append('\n');
      out.append("claim.application=")
          .append(token == null ? null : token.claim("application_name").orElse(null))
          .append('\n');
      for (String h : new String[] {"X-Auth-Subject", "X-Auth-Scopes", "X-Auth-Client-Id"}) {
        out.append("header.").append(h).append('=').append(req.getHeader(h)).append('\n');
      }
      resp.setContentType("text/plain");
      resp.getWriter().write(out.toString());
    }
  }

  /** Revokes the caller's own token, the way a logout endpoint of the application would. */
  public static final class Logout extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      AccessToken token = AccessToken.from(req).orElseThrow();
      Revocations.from(req.getServletContext()).orElseThrow().revokeToken(token);
      resp.setStatus(204);
    }
  }
}
