package dev.gatehouse.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a raw claim value may be injected: only where it cannot outlive the request it was read
 * from. Checked at deployment for beans, and again at injection for what deployment cannot see
 * (servlets and other instances the container makes outside CDI's bean discovery).
 */
final class ClaimInjection {

  private ClaimInjection() {}

  static Optional<Claim> claim(InjectionPoint ip) {
    for (Annotation qualifier : ip.getQualifiers()) {
      if (qualifier instanceof Claim claim) {
        return Optional.of(claim);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code Instance<T>} and {@code Provider<T>} read the claim anew at each {@code get()}; so does
   * a lookup through {@code CDI.current().select(...)}, which has no member to inject into: the
   * caller decides how long it keeps the value.
   */
  static boolean isLookup(InjectionPoint ip) {
    if (ip.getMember() == null) {
      return true;
    }
    Type declared = ip.getAnnotated() != null ? ip.getAnnotated().getBaseType() : ip.getType();
    Type raw = declared instanceof ParameterizedType p ? p.getRawType() : declared;
    return raw instanceof Class<?> c && Provider.class.isAssignableFrom(c);
  }

  /** True when a value injected here would be kept beyond the current request. */
  static boolean outlivesRequest(
      InjectionPoint ip, @Nullable Class<? extends Annotation> ownerScope) {
    return !isLookup(ip) && ownerScope != RequestScoped.class;
  }

  static void requireRequestLifetime(InjectionPoint ip) {
    if (ip == null) {
      throw new IllegalStateException(
          "@Claim values are injected or selected, never made directly");
    }
    Bean<?> owner = ip.getBean();
    Class<? extends Annotation> scope = owner == null ? null : owner.getScope();
    if (outlivesRequest(ip, scope)) {
      throw new IllegalStateException(problem(ip, scope));
    }
  }

  /** Names the claim and where it is injected, never a value. */
  static String problem(InjectionPoint ip, @Nullable Class<? extends Annotation> ownerScope) {
    String claim = claim(ip).map(Claim::value).orElse("?");
    String type = ip.getType().getTypeName();
    String owner =
        ownerScope == null
            ? "an instance the container makes outside CDI (such as a servlet)"
            : "a @" + ownerScope.getSimpleName() + " bean";
    return "@Claim(\""
        + claim
        + "\") "
        + type
        + " injected into "
        + ip.getMember()
        + " would keep the first request's value, because it is "
        + owner
        + ". Inject Instance<"
        + type
        + "> or Provider<"
        + type
        + "> and call get() during each request, inject AccessToken (request-scoped), or move"
        + " the injection into a @RequestScoped bean.";
  }
}
