package dev.gatehouse.cdi;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.Retention;

/**
 * Marks the annotated types {@link GatehouseExtension} adds, so that a second, scanned copy of the
 * same class can be told apart and vetoed. Never written in source.
 */
@Retention(RUNTIME)
@interface AddedByGatehouse {

  final class Literal extends AnnotationLiteral<AddedByGatehouse> implements AddedByGatehouse {
    private static final long serialVersionUID = 1L;

    static final Literal INSTANCE = new Literal();

    private Literal() {}
  }
}
