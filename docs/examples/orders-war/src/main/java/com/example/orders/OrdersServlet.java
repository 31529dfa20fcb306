package com.example.orders;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Reached only with a verified token carrying read:orders (the rule in web.xml). */
@WebServlet("/api/orders")
public class OrdersServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AccessToken token = AccessToken.from(request).orElseThrow();
    response.setContentType("text/plain");
    response.getWriter().println("orders for " + token.subject().orElse("?"));
  }
}
