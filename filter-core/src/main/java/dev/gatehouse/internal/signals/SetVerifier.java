package dev.gatehouse.internal.signals;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.discovery.KeySource;
import java.security.Key;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Checks one SET with jose4j's {@link JwtConsumer}: a compact JWS (never a JWE or an unsigned
 * token) signed with one of the configured algorithms by a key of the transmitter's JWKS (never a
 * {@code jku}, {@code x5u} or embedded {@code jwk}), {@code typ} {@code secevent+jwt}, the
 * configured {@code iss}, an {@code aud} naming this receiver, an {@code iat} within the window, a
 * {@code jti}, and an {@code events} object whose members are objects (RFC 8417 section 2.2). RFC
 * 8417 gives a SET no {@code exp}, so none is required; one that is present must not have passed.
 */
public final class SetVerifier {

  private static final String SET_TYPE = "secevent+jwt";

  private final SetRules rules;
  private final KeySource keys;

  public SetVerifier(SetRules rules, KeySource keys) {
    this.rules = rules;
    this.keys = keys;
  }

  /**
   * @throws SetRefusedException naming the RFC 8935 error
   * @throws ProviderUnavailableException when the transmitter's keys cannot be had
   */
  public VerifiedSet verify(String compact) throws SetRefusedException {
    if (compact.chars().filter(c -> c == '.').count() != 2) {
      throw new SetRefusedException(SetError.INVALID_REQUEST, "not a compact JWS");
    }
    JwtContext context;
    try {
      context = consumer().process(compact);
    } catch (InvalidJwtException e) {
      rethrowUnavailable(e);
      throw new SetRefusedException(classify(e), describe(e));
    }
    requireSetType(context.getJoseObjects());
    return read(context.getJwtClaims());
  }

  private JwtConsumer consumer() {
    long skew = rules.skew().toSeconds();
    return new JwtConsumerBuilder()
        .setExpectedIssuer(rules.issuer())
        .setExpectedAudience(rules.audience())
        .setRequireIssuedAt()
        .setIssuedAtRestrictions((int) skew, (int) rules.maxAge().toSeconds())
        .setAllowedClockSkewInSeconds((int) skew)
        .setRequireJwtId()
        .setEvaluationTime(NumericDate.fromMilliseconds(rules.clock().millis()))
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, rules.algorithms().toArray(String[]::new))
        .setVerificationKeyResolver(new TransmitterKeys())
        .build();
  }

  private void requireSetType(List<JsonWebStructure> objects) throws SetRefusedException {
    if (objects.size() != 1 || !(objects.get(0) instanceof JsonWebSignature jws)) {
      throw new SetRefusedException(SetError.INVALID_REQUEST, "not a single JWS");
    }
    String typ = jws.getHeader("typ");
    String type = typ == null ? "" : typ.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/")) {
      type = type.substring("application/".length());
    }
    boolean plain = type.isEmpty() || type.equals("jwt");
    if (!type.equals(SET_TYPE) && !(plain && rules.acceptPlainJwt())) {
      throw new SetRefusedException(SetError.INVALID_REQUEST, "typ is not secevent+jwt");
    }
  }

  private static VerifiedSet read(JwtClaims claims) throws SetRefusedException {
    try {
      Map<String, Map<String, Object>> events = new LinkedHashMap<>();
      if (!(claims.getClaimValue("events") instanceof Map<?, ?> raw) || raw.isEmpty()) {
        throw new SetRefusedException(SetError.INVALID_REQUEST, "no events object");
      }
      for (Map.Entry<?, ?> e : raw.entrySet()) {
        events.put(String.valueOf(e.getKey()), JsonObjects.object(e.getValue(), "event payload"));
      }
      Optional<Map<String, Object>> subject = Optional.empty();
      Object subId = claims.getClaimValue("sub_id");
      if (subId != null) {
        subject = Optional.of(JsonObjects.object(subId, "sub_id"));
      }
      NumericDate iat = claims.getIssuedAt();
      return new VerifiedSet(
          claims.getJwtId(), Instant.ofEpochSecond(iat.getValue()), subject, Map.copyOf(events));
    } catch (MalformedClaimException e) {
      throw new SetRefusedException(SetError.INVALID_REQUEST, "a claim has the wrong type");
    }
  }

  private static SetError classify(InvalidJwtException e) {
    if (causedBy(e, UnresolvableKeyException.class)
        || causedBy(e, InvalidAlgorithmException.class)
        || e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
        || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
      return SetError.INVALID_KEY;
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return SetError.INVALID_ISSUER;
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return SetError.INVALID_AUDIENCE;
    }
    return SetError.INVALID_REQUEST;
  }

  /** The jose4j error codes only: its messages may quote claims. */
  private static String describe(InvalidJwtException e) {
    return "jose4j error codes "
        + e.getErrorDetails().stream().map(d -> Integer.toString(d.getErrorCode())).toList();
  }

  private static void rethrowUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProviderUnavailableException unavailable) {
        throw unavailable;
      }
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The transmitter's keys by {@code kid}; a {@code kid} not in the set asks the source for a fresh
   * one (rate-limited there), so a key the transmitter has just rotated in passes.
   */
  private final class TransmitterKeys implements VerificationKeyResolver {
    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting)
        throws UnresolvableKeyException {
      List<JsonWebKey> seen = keys.keys();
      try {
        return new JwksVerificationKeyResolver(seen).resolveKey(jws, nesting);
      } catch (UnresolvableKeyException e) {
        if (!keys.refreshUnknownKey(seen)) {
          throw e;
        }
        return new JwksVerificationKeyResolver(keys.keys()).resolveKey(jws, nesting);
      }
    }
  }
}
