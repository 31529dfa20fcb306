package dev.gatehouse.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The verified caller of the current request: {@code @Inject @Caller Principal caller}. Its name is
 * the {@code gatehouse.principal-claim} value ({@code sub}, else the client id, by default), as
 * {@code request.getUserPrincipal()} answers it.
 *
 * <p>A qualifier, because every CDI container already offers an unqualified {@code
 * java.security.Principal} bean of its own; the two would be ambiguous. The injected object is a
 * request-scoped proxy, safe to hold in an {@code @ApplicationScoped} bean.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface Caller {

  /** For {@code instance.select(Caller.Literal.INSTANCE)}. */
  final class Literal extends AnnotationLiteral<Caller> implements Caller {
    private static final long serialVersionUID = 1L;

    public static final Literal INSTANCE = new Literal();

    private Literal() {}
  }
}
