package dev.gatehouse.sample.jaxrs;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Resources below {@code /api}, guarded by scope names as roles. Plain text keeps the sample free
 * of a JSON provider; every line is {@code name=value}.
 */
@Path("/")
@Produces("text/plain")
public class OrdersResource {

  @GET
  @Path("orders")
  @RolesAllowed("read:orders")
  public String orders(@Context SecurityContext security) {
    return "orders of " + security.getUserPrincipal().getName();
  }

  @POST
  @Path("orders")
  @RolesAllowed("write:orders")
  public String placeOrder(@Context SecurityContext security) {
    return "order placed by " + security.getUserPrincipal().getName();
  }

  /** What JAX-RS's SecurityContext says about the caller; any valid token may ask. */
  @GET
  @Path("me")
  @PermitAll
  public String me(@Context SecurityContext security) {
    return "name="
        + security.getUserPrincipal().getName()
        + "\nscheme="
        + security.getAuthenticationScheme()
        + "\nread:orders="
        + security.isUserInRole("read:orders")
        + "\nwrite:orders="
        + security.isUserInRole("write:orders")
        + "\n";
  }
}
