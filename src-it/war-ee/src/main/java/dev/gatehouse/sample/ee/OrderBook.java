package dev.gatehouse.sample.ee;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An enterprise bean whose method the EJB container guards by role (a scope). */
@Stateless
@DeclareRoles({"read:orders", "write:orders"})
public class OrderBook {

  @Resource private SessionContext session;

  @RolesAllowed("read:orders")
  public String orders() {
    return "orders of " + session.getCallerPrincipal().getName();
  }
}
