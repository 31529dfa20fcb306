package dev.gatehouse.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * One claim of the current request's verified token: {@code @Inject @Claim("sub") String subject}.
 *
 * <p>Injectable as {@code String}, {@code Long}/{@code long}, {@code Boolean}/{@code boolean},
 * {@code Optional} of those three, {@code List<String>} and {@code Set<String>}. An absent claim is
 * {@code null}, {@code Optional.empty()} or an empty collection; absent into a primitive, or a
 * claim of another JSON type, refuses the request with 401 {@code invalid_token}.
 *
 * <p>The value is read once, when the bean is made. So a raw value may only be injected into a
 * {@code @RequestScoped} bean; anywhere else use {@code Instance<T>} or {@code Provider<T>}, whose
 * {@code get()} reads the claim of the request in progress. Breaking this rule fails deployment,
 * or, for servlets and other instances the container makes outside CDI, their injection.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface Claim {

  /** The claim's name in the token, such as {@code sub} or {@code email}. */
  @Nonbinding
  String value();

  /** For {@code instance.select(Claim.Literal.of("email"))}. */
  final class Literal extends AnnotationLiteral<Claim> implements Claim {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Literal(String value) {
      this.value = Objects.requireNonNull(value, "claim name");
    }

    public static Literal of(String name) {
      return new Literal(name);
    }

    @Override
    public String value() {
      return value;
    }
  }
}
