package dev.gatehouse.internal.extract;

import dev.gatehouse.error.BearerTokenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Finds the access token a request carries. */
@FunctionalInterface
public interface BearerTokenExtractor {

  /**
   * @return the token, syntax-checked but not verified; empty when the request carries none
   * @throws BearerTokenException when the request carries a malformed credential or more than one
   */
  Optional<String> extract(HttpServletRequest request);
}
