package dev.gatehouse.cdi;

import dev.gatehouse.authz.RequiredScopes;
import dev.gatehouse.token.AccessToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Enforces {@link RequiresScopes} with the filter's own rule ({@link RequiredScopes#require}), so
 * that a refusal is answered exactly like the filter's. Enabled for the whole application by its
 * priority; it runs early in the library range, before application interceptors.
 */
@RequiresScopes
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
class RequiresScopesInterceptor {

  // A request-scoped proxy: each call checks the token of the request in progress.
  @Inject AccessToken token;

  @AroundInvoke
  Object requireScopes(InvocationContext invocation) throws Exception {
    RequiredScopes.require(token, requiredScopes(invocation));
    return invocation.proceed();
  }

  /**
   * The union of the method's and the class's {@link RequiresScopes}: CDI lets a method-level
   * binding hide the class-level one, and a requirement must never be lost that way. Read from the
   * annotations, because {@code InvocationContext.getInterceptorBindings()} only arrives with
   * Jakarta Interceptors 2.2 (EE 11), and Gatehouse runs on EE 10.
   */
  static Set<String> requiredScopes(InvocationContext invocation) {
    Set<String> scopes = new LinkedHashSet<>();
    Method method = invocation.getMethod();
    add(method.getAnnotation(RequiresScopes.class), scopes);
    add(method.getDeclaringClass().getAnnotation(RequiresScopes.class), scopes);
    // The target is the bean (or the container's subclass of it); @Inherited finds its class's
    // binding when the method is declared in a superclass.
    add(invocation.getTarget().getClass().getAnnotation(RequiresScopes.class), scopes);
    return Collections.unmodifiableSet(scopes);
  }

  private static void add(RequiresScopes binding, Set<String> scopes) {
    if (binding != null) {
      Collections.addAll(scopes, binding.value());
    }
  }
}
