package dev.gatehouse.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The method (or every method of the bean) runs only for a verified token that has all these
 * scopes; otherwise it throws {@link dev.gatehouse.error.BearerTokenException}, which {@code
 * GatehouseFilter} answers with 403 {@code insufficient_scope} naming the scopes, exactly as for
 * its own scope rules. Without a token in the request it answers 401; outside a request it throws
 * {@code ContextNotActiveException}.
 *
 * <p>On both a class and one of its methods, the method needs the scopes of both. An empty list
 * requires a verified token and nothing more.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface RequiresScopes {

  @Nonbinding
  String[] value() default {};
}
