package dev.gatehouse.sample.ee;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Resources below {@code /api}: one asks the bean, one reports JAX-RS's SecurityContext. */
@Path("/")
@Produces("text/plain")
public class OrdersResource {

  @EJB private OrderBook book;

  /** The bean decides; its refusal is answered as 403 rather than the server's error page. */
  @GET
  @Path("orders")
  public Response orders() {
    try {
      return Response.ok(book.orders()).build();
    } catch (EJBAccessException refused) {
      return Response.status(Response.Status.FORBIDDEN).entity("refused by the bean").build();
    }
  }

  @GET
  @Path("me")
  public String me(@Context SecurityContext security) {
    return "name="
        + (security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName())
        + "\nread:orders="
        + security.isUserInRole("read:orders")
        + "\n";
  }
}
