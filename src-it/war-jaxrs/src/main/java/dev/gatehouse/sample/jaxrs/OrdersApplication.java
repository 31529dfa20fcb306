package dev.gatehouse.sample.jaxrs;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The JAX-RS application. Jersey ignores {@code @RolesAllowed} unless {@link
 * RolesAllowedDynamicFeature} is registered; with it, each annotated method asks the request's
 * {@code SecurityContext}, which the servlet container fills from Gatehouse's principal.
 */
public class OrdersApplication extends ResourceConfig {

  public OrdersApplication() {
    register(OrdersResource.class);
    register(RolesAllowedDynamicFeature.class);
  }
}
