package dev.gatehouse.internal.introspection;

import dev.gatehouse.internal.introspection.IntrospectionMapper.Outcome;
import dev.gatehouse.store.IntrospectionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Introspection answers kept in the shared {@link IntrospectionStore}, so that a token introspected
 * on one node, active or not, is not introspected again on the others.
 *
 * <p>What is kept is the endpoint's JSON response itself, and a node that reads it maps it again
 * with its own rules (audience, {@code exp} against its own clock): the encoding is compact, and no
 * decision of another node is trusted beyond what the endpoint said. The key is a base64url SHA-256
 * of the endpoint and the token, never the token.
 */
final class SharedAnswers {

  private final IntrospectionStore store;
  private final IntrospectionMapper mapper;
  private final String endpoint;
  private final Clock clock;
  private final Duration positive;
  private final Duration negative;

  SharedAnswers(
      IntrospectionStore store,
      String endpoint,
      IntrospectionMapper mapper,
      Clock clock,
      Duration positive,
      Duration negative) {
    this.store = store;
    this.mapper = mapper;
    this.endpoint = endpoint;
    this.clock = clock;
    this.positive = positive;
    this.negative = negative;
  }

  /**
   * The response held for {@code token}, else the endpoint's, which is then held for the others.
   *
   * @throws dev.gatehouse.error.ProviderUnavailableException when the endpoint fails
   */
  Map<String, Object> answer(String token, Function<String, Map<String, Object>> endpoint) {
    String key = key(token);
    Optional<Map<String, Object>> known = read(key);
    if (known.isPresent()) {
      return known.get();
    }
    Map<String, Object> response = endpoint.apply(token);
    write(key, response, mapper.outcome(response));
    return response;
  }

  private String key(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      byte[] digest = sha256.digest(token.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** The response another node (or this one) got, if one is held; unreadable counts as none. */
  private Optional<Map<String, Object>> read(String key) {
    Optional<String> held = store.get(key);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    try {
      Map<String, Object> response = JsonUtil.parseJson(held.get());
      return response != null && response.get("active") instanceof Boolean
          ? Optional.of(response)
          : Optional.empty();
    } catch (JoseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code response} as long as this node keeps {@code outcome}: an active token until its
   * {@code exp} and at most the result TTL, a refused one for the negative TTL; a failure never.
   */
  private void write(String key, Map<String, Object> response, Outcome outcome) {
    if (outcome.failure() != null) {
      return;
    }
    Instant now = clock.instant();
    Instant until;
    if (outcome.token() == null) {
      until = now.plus(negative);
    } else {
      Instant exp = outcome.token().expiresAt();
      Instant longest = now.plus(positive);
      until = exp.isBefore(longest) ? exp : longest;
    }
    if (until.isAfter(now)) {
      store.put(key, JsonUtil.toJson(response), until);
    }
  }
}
