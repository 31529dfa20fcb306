package dev.gatehouse.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.List;

/**
 * Adds Gatehouse's beans to any CDI application that has filter-core on its class path, found
 * through {@code META-INF/services}. The jar carries no {@code beans.xml}, so that none of its
 * other classes becomes a bean; the few that are beans are added here.
 *
 * <p>Also fails deployment when a raw {@link Claim} value is injected where it would outlive the
 * request (see {@link Claim}).
 */
public class GatehouseExtension implements Extension {

  private static final List<Class<?>> BEANS =
      List.of(
          CurrentRequest.class,
          TokenProducers.class,
          ClaimProducers.class,
          RequiresScopesInterceptor.class);

  void addBeans(@Observes BeforeBeanDiscovery discovery) {
    for (Class<?> bean : BEANS) {
      discovery
          .addAnnotatedType(bean, GatehouseExtension.class.getName() + "." + bean.getName())
          .add(AddedByGatehouse.Literal.INSTANCE);
    }
  }

  // When filter-core's classes are scanned too (a shaded jar with a beans.xml, discovery mode
  // "all"), the scanned copies would make every injection ambiguous: only the added ones stay.
  void keepAddedCurrentRequest(@Observes ProcessAnnotatedType<CurrentRequest> type) {
    vetoIfScanned(type);
  }

  void keepAddedTokenProducers(@Observes ProcessAnnotatedType<TokenProducers> type) {
    vetoIfScanned(type);
  }

  void keepAddedClaimProducers(@Observes ProcessAnnotatedType<ClaimProducers> type) {
    vetoIfScanned(type);
  }

  void keepAddedInterceptor(@Observes ProcessAnnotatedType<RequiresScopesInterceptor> type) {
    vetoIfScanned(type);
  }

  // Weld fires a plain ProcessAnnotatedType for the types added above too, so the marker
  // annotation, not the event's type, tells the added copy from a scanned one.
  private static void vetoIfScanned(ProcessAnnotatedType<?> type) {
    if (!type.getAnnotatedType().isAnnotationPresent(AddedByGatehouse.class)) {
      type.veto();
    }
  }

  void rejectClaimsThatOutliveTheRequest(@Observes ProcessBean<?> processed) {
    for (InjectionPoint ip : processed.getBean().getInjectionPoints()) {
      if (ClaimInjection.claim(ip).isPresent()
          && ClaimInjection.outlivesRequest(ip, processed.getBean().getScope())) {
        processed.addDefinitionError(
            new DefinitionException(ClaimInjection.problem(ip, processed.getBean().getScope())));
      }
    }
  }
}
