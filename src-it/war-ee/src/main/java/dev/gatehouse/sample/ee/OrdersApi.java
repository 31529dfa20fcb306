package dev.gatehouse.sample.ee;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The server's own JAX-RS finds the resources below {@code /api}. */
@ApplicationPath("api")
public class OrdersApi extends Application {}
