package dev.gatehouse.cdi;

import dev.gatehouse.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The application beans the CDI tests deploy: one per way of using the integration. */
final class TestBeans {

  private TestBeans() {}

  /** Raw claim values are allowed here: the bean lives exactly as long as the request. */
  @RequestScoped
  static class PerRequest {
    @Inject AccessToken token;
    @Inject @Caller Principal caller;

    @Inject
    @Claim("sub")
    String subject;

    @Inject
    @Claim("sub")
    Optional<String> optionalSubject;

    @Inject
    @Claim("exp")
    long expiry;

    @Inject
    @Claim("exp")
    Optional<Long> optionalExpiry;

    @Inject
    @Claim("email_verified")
    Boolean emailVerified;

    @Inject
    @Claim("email_verified")
    boolean emailVerifiedPrimitive;

    @Inject
    @Claim("roles")
    Set<String> roleSet;

    @Inject
    @Claim("roles")
    List<String> roleList;

    @Inject
    @Claim("aud")
    List<String> audienceAsList;

    @Inject
    @Claim("nickname")
    String absent;

    @Inject
    @Claim("nickname")
    Optional<String> absentOptional;

    @Inject
    @Claim("nickname")
    Set<String> absentSet;

    String describe() {
      return String.join(
          "\n",
          "token.subject=" + token.subject().orElse(null),
          "caller=" + caller.getName(),
          "subject=" + subject,
          "optionalSubject=" + optionalSubject.orElse(null),
          "expiry=" + expiry,
          "expiryMatchesToken=" + (expiry == token.expiresAt().getEpochSecond()),
          "optionalExpiry=" + optionalExpiry.orElse(null),
          "emailVerified=" + emailVerified,
          "emailVerifiedPrimitive=" + emailVerifiedPrimitive,
          "roleSet=" + roleSet,
          "roleList=" + roleList,
          "audienceAsList=" + audienceAsList,
          "absent=" + absent,
          "absentOptional=" + absentOptional,
          "absentSet=" + absentSet);
    }
  }

  /** Needs a claim as a primitive, which has no value to stand for "absent". */
  @RequestScoped
  static class NeedsLevel {
    @Inject
    @Claim("level")
    long level;

    long level() {
      return level;
    }
  }

  /** Lives for the whole application: everything it reads must be the current request's. */
  @ApplicationScoped
  static class Shared {
    @Inject AccessToken token;
    @Inject @Caller Principal caller;

    @Inject
    @Claim("sub")
    Instance<String> subject;

    @Inject
    @Claim("email_verified")
    Provider<Optional<Boolean>> emailVerified;

    @Inject @Any Instance<String> anyString;

    @Inject
    @Claim("sub")
    Instance<Long> subjectAsNumber;

    String tokenSubject() {
      return token.subject().orElseThrow();
    }

    String callerName() {
      return caller.getName();
    }

    String subjectClaim() {
      return subject.get();
    }

    Optional<Boolean> emailVerified() {
      return emailVerified.get();
    }

    String selectedClaim(String name) {
      return anyString.select(Claim.Literal.of(name)).get();
    }

    Long subjectAsNumber() {
      return subjectAsNumber.get();
    }
  }

  /** The class needs read:orders; {@link #place} needs write:orders on top. */
  @ApplicationScoped
  @RequiresScopes("read:orders")
  static class Orders {
    String list() {
      return "orders listed";
    }

    @RequiresScopes("write:orders")
    String place() {
      return "order placed";
    }

    @RequiresScopes({"read:orders", "refund:orders"})
    String refund() {
      return "order refunded";
    }
  }

  /** Any verified token will do. */
  @ApplicationScoped
  static class AnyCaller {
    @RequiresScopes
    String greet() {
      return "hello";
    }
  }

  @ApplicationScoped
  static class FrozenInApplicationScope {
    @Inject
    @Claim("sub")
    String subject;
  }

  @Dependent
  static class FrozenInDependent {
    @Inject
    @Claim("roles")
    Set<String> roles;
  }

  /** Made by a container outside CDI, as servlets are: injected once, used for every request. */
  static class ServletLike {
    @Inject AccessToken token;
  }

  static class ServletLikeWithRawClaim {
    @Inject
    @Claim("sub")
    String subject;
  }
}
