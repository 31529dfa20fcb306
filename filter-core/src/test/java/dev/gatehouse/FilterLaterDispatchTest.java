package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.JettyHarness;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ERROR and ASYNC dispatches keep the decision made on the client's request: the identity comes
 * back from the request attribute and the token is not verified again, so a token that expires
 * while the application works still shows on its error page and in its async dispatch, named as on
 * the client's request (here by {@code preferred_username}).
 */
class FilterLaterDispatchTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final String USER_NAME = "alice";

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static JettyHarness jetty;

  @BeforeAll
  static void start() throws Exception {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .clock(CLOCK)
            .forwardIdentityHeaders()
            .principalClaim("preferred_username")
            .build();
    ServletContextHandler context = new ServletContextHandler("/");
    FilterHolder filter = new FilterHolder(new GatehouseFilter(config));
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    ServletHolder late = new ServletHolder(new Late());
    late.setAsyncSupported(true);
    context.addServlet(late, "/late/*");
    context.addServlet(new ServletHolder(new Seen()), "/error");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(404, "/error");
    context.setErrorHandler(errors);
    jetty = JettyHarness.inMemory(context);
  }

  @AfterAll
  static void stop() {
    jetty.close();
  }

  private static Reply call(String path) {
    String token =
        tokens
            .validAt(CLOCK.instant())
            .expiresAt(CLOCK.instant().plusSeconds(60))
            .claim("preferred_username", USER_NAME)
            .build();
    return new Reply(
        jetty.send(
            HttpRequest.newBuilder(jetty.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .build()));
  }

  @Test
  void whenTheTokenExpiresBeforeTheErrorPageThenTheErrorPageStillSeesTheAdmittedIdentity() {
    Reply reply = call("/late/error");

    assertEquals(404, reply.status(), reply::body);
    Map<String, String> seen = reply.echo();
    assertEquals("ERROR", seen.get("dispatch"));
    assertEquals(USER_NAME, seen.get("principal"));
    assertEquals(USER_NAME, seen.get("header.X-Auth-Subject"));
  }

  @Test
  void whenTheTokenExpiresBeforeTheAsyncDispatchThenItsTargetStillSeesTheAdmittedIdentity() {
    Reply reply = call("/late/async");

    assertEquals(200, reply.status(), reply::body);
    Map<String, String> seen = reply.echo();
    assertEquals("ASYNC", seen.get("dispatch"));
    assertEquals(USER_NAME, seen.get("principal"));
    assertEquals(USER_NAME, seen.get("header.X-Auth-Subject"));
  }

  /** Lets the token expire while it works, then fails with 404 or goes async. */
  static final class Late extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getDispatcherType() == DispatcherType.ASYNC) {
        Seen.write(req, resp);
        return;
      }
      CLOCK.advance(Duration.ofHours(1));
      if ("/async".equals(req.getPathInfo())) {
        req.startAsync().dispatch();
      } else {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
    }
  }

  /** What the code of a later dispatch sees of the caller. */
  static final class Seen extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      write(req, resp);
    }

    static void write(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter()
          .write(
              "dispatch="
                  + req.getDispatcherType()
                  + "\n"
                  + "principal="
                  + req.getRemoteUser()
                  + "\n"
                  + "header.X-Auth-Subject="
                  + req.getHeader("X-Auth-Subject")
                  + "\n");
    }
  }
}
