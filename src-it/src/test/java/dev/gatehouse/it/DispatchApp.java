package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * An application whose requests reach code through later dispatches: {@code /api/missing} answers
 * {@code sendError(404)}, shown by the error page {@code /error}; {@code /api/async} calls {@code
 * startAsync().dispatch()} and answers in the ASYNC dispatch. Both answers say what the code sees
 * of the caller. {@link GatehouseFilter} is created by the container from init-params and mapped on
 * {@code /*} for the dispatcher types given, as web.xml {@code <dispatcher>} entries would.
 */
interface DispatchApp extends AutoCloseable {

  String CONTEXT = "/shop";

  /** Starts the application and returns its base URI, e.g. {@code http://127.0.0.1:port/shop}. */
  URI start(Set<DispatcherType> filterDispatch, Map<String, String> settings) throws Exception;

  /** {@code /api/missing}: there is nothing here. */
  final class Missing extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** {@code /api/async}: goes async and dispatches back to itself, which then answers. */
  final class Async extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getDispatcherType() == DispatcherType.ASYNC) {
        Seen.write(req, resp);
        return;
      }
      AsyncContext async = req.startAsync();
      async.dispatch();
    }
  }

  /** The error page, and the answer of the async dispatch. */
  final class Seen extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      write(req, resp);
    }

    static void write(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      StringBuilder out = new StringBuilder();
      out.append("dispatch=").append(req.getDispatcherType()).append('\n');
      out.append("principal=").append(req.getRemoteUser()).append('\n');
      for (String h : new String[] {"X-Auth-Subject", "X-Auth-Scopes", "X-Auth-Client-Id"}) {
        out.append("header.").append(h).append('=').append(req.getHeader(h)).append('\n');
      }
      resp.setContentType("text/plain");
      resp.getWriter().write(out.toString());
    }
  }
}
