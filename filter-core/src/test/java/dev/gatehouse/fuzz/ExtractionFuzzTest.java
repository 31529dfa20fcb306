package dev.gatehouse.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.extract.RequestTokenExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link RequestTokenExtractor} with every place a token can hide switched on: any number of
 * {@code Authorization} headers, a query string and a form body, all of arbitrary bytes. The
 * contract checked on every input: only a {@link BearerTokenException} with an extraction reason
 * ever escapes, two headers are always refused, and a token handed on is a compact JWS shape within
 * the length limit that really was in the request.
 *
 * <p>An input is ISO-8859-1 text (what containers decode header bytes as), one field per line: a
 * line starting with {@code Q} is the query string, {@code F} the form body, anything else an
 * {@code Authorization} value (after an optional leading {@code H}). Seeds are in {@code
 * src/test/resources/dev/gatehouse/fuzz/ExtractionFuzzTestInputs/}; see docs/security.md for a real
 * fuzzing session.
 */
class ExtractionFuzzTest {

  static final int MAX_LENGTH = 512;
  private static final Set<Rejection> EXTRACTION_REASONS =
      Set.of(
          Rejection.MULTIPLE_TOKENS,
          Rejection.MALFORMED_AUTHORIZATION,
          Rejection.TOKEN_TOO_LARGE,
          Rejection.MALFORMED_TOKEN);

  private static final RequestTokenExtractor EVERYWHERE =
      new RequestTokenExtractor(true, true, MAX_LENGTH);
  private static final RequestTokenExtractor HEADER_ONLY =
      new RequestTokenExtractor(false, false, MAX_LENGTH);

  /** The decoded request fields. */
  record Fields(List<String> authorization, String query, String form) {

    static Fields parse(byte[] input) {
      List<String> headers = new ArrayList<>();
      String query = null;
      String form = null;
      for (String line : new String(input, ISO_8859_1).split("\n", -1)) {
        if (line.startsWith("Q")) {
          query = line.substring(1);
        } else if (line.startsWith("F")) {
          form = line.substring(1);
        } else if (!line.isEmpty() || headers.isEmpty()) {
          headers.add(line.startsWith("H") ? line.substring(1) : line);
        }
      }
      if (headers.size() == 1 && headers.get(0).isEmpty()) {
        headers.clear(); // an empty input is a request without the header
      }
      return new Fields(headers, query, form);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void extraction(byte[] input) {
    Fields fields = Fields.parse(input);
    check(EVERYWHERE, fields);
    check(HEADER_ONLY, new Fields(fields.authorization, null, null));
  }

  /**
   * The same contract on a fixed budget of pseudo-random inputs built from the seeds, so that the
   * ordinary test run exercises mutated requests too, reproducibly (fixed seed).
   */
  @Test
  void extractionOnSeededRandomMutations() {
    Random random = new Random(0x6a7e5L);
    List<byte[]> seeds = Seeds.load(ExtractionFuzzTest.class);
    for (int i = 0; i < 20_000; i++) {
      extraction(Mutations.mutate(seeds.get(random.nextInt(seeds.size())), random));
    }
  }

  private static void check(RequestTokenExtractor extractor, Fields fields) {
    HttpServletRequest request = request(fields);
    Optional<String> token;
    try {
      token = extractor.extract(request);
    } catch (BearerTokenException e) {
      assertTrue(EXTRACTION_REASONS.contains(e.rejection()), () -> "reason " + e.rejection());
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("escaped the extractor: " + e, e);
    }
    if (fields.authorization.size() > 1) {
      fail("two Authorization headers were not refused");
    }
    token.ifPresent(t -> assertHandedOnTokenIsSound(t, fields));
  }

  private static void assertHandedOnTokenIsSound(String token, Fields fields) {
    assertTrue(token.length() <= MAX_LENGTH, "over the limit: " + token.length());
    assertEquals(2, token.chars().filter(c -> c == '.').count(), "not three segments");
    for (String segment : token.split("\\.", -1)) {
      assertTrue(!segment.isEmpty(), "an empty segment");
      assertTrue(
          segment.chars().allMatch(ExtractionFuzzTest::isBase64Url), "not base64url: " + segment);
    }
    boolean inHeader = fields.authorization.stream().anyMatch(h -> h.contains(token));
    String[] parameters = FormParameters.values(fields.query, fields.form, "access_token");
    boolean inParameters = parameters != null && List.of(parameters).contains(token);
    assertTrue(inHeader || inParameters, "a token that was not in the request");
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static HttpServletRequest request(Fields fields) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ExtractionFuzzTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeaders" ->
                      "Authorization".equalsIgnoreCase((String) args[0])
                          ? Collections.enumeration(fields.authorization)
                          : Collections.emptyEnumeration();
                  case "getQueryString" -> fields.query;
                  case "getMethod" -> fields.form == null ? "GET" : "POST";
                  case "getContentType" ->
                      fields.form == null
                          ? null
                          : "application/x-www-form-urlencoded; charset=UTF-8";
                  case "getParameterValues" ->
                      FormParameters.values(fields.query, fields.form, (String) args[0]);
                  default -> null;
                });
  }
}
