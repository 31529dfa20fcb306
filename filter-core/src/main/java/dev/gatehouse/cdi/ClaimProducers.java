package dev.gatehouse.cdi;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link Claim} values of the current request's token. Dependent, because the claim's name comes
 * from the injection point; {@link ClaimInjection} keeps the values from outliving the request.
 */
final class ClaimProducers {

  @Produces
  @Claim("")
  @Nullable String string(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.string(read(ip, current)).orElse(null);
  }

  @Produces
  @Claim("")
  Optional<String> optionalString(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.string(read(ip, current));
  }

  /** Also serves {@code long}: CDI resolves a primitive and its wrapper alike. */
  @Produces
  @Claim("")
  @Nullable Long number(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.requiredIfPrimitive(ip, ClaimValues.number(read(ip, current)));
  }

  @Produces
  @Claim("")
  Optional<Long> optionalNumber(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.number(read(ip, current));
  }

  /** Also serves {@code boolean}. */
  @Produces
  @Claim("")
  @Nullable Boolean flag(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.requiredIfPrimitive(ip, ClaimValues.flag(read(ip, current)));
  }

  @Produces
  @Claim("")
  Optional<Boolean> optionalFlag(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.flag(read(ip, current));
  }

  @Produces
  @Claim("")
  List<String> strings(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.strings(read(ip, current));
  }

  @Produces
  @Claim("")
  Set<String> stringSet(InjectionPoint ip, CurrentRequest current) {
    return ClaimValues.stringSet(read(ip, current));
  }

  private static @Nullable Object read(InjectionPoint ip, CurrentRequest current) {
    ClaimInjection.requireRequestLifetime(ip);
    String name = ClaimInjection.claim(ip).map(Claim::value).orElseThrow();
    return current.token().claims().get(name);
  }
}
