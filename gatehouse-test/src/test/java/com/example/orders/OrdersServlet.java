package com.example.orders;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The user's servlet in the documented example: it knows nothing about tokens. */
public class OrdersServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.getWriter().write("{\"caller\":\"" + request.getRemoteUser() + "\",\"orders\":[]}");
  }
}
