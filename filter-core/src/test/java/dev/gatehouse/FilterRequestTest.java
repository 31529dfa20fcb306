package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.BARE;
import static dev.gatehouse.testing.Challenges.invalidRequest;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Challenges.multipleTokens;
import static dev.gatehouse.testing.Refusals.MALFORMED_HEADER;
import static dev.gatehouse.testing.Refusals.MALFORMED_TOKEN;
import static dev.gatehouse.testing.Refusals.TOO_LARGE;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a request may carry its token (RFC 6750 section 2), and what malformed requests get. */
class FilterRequestTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi headerOnly;
  private static ProtectedApi withQuery;
  private static ProtectedApi withForm;

  @BeforeAll
  static void start() {
    headerOnly = ProtectedApi.start(config().build());
    withQuery = ProtectedApi.start(config().tokens(t -> t.allowQueryParameter()).build());
    withForm = ProtectedApi.start(config().tokens(t -> t.allowFormParameter()).build());
  }

  @AfterAll
  static void stop() {
    headerOnly.close();
    withQuery.close();
    withForm.close();
  }

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }

  private static HttpRequest.Builder form(ProtectedApi api, String path, String body) {
    return api.request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(body));
  }

  @Nested
  class WhenTheRequestCarriesNoToken {

    @Test
    void thenBare401ChallengeWithoutErrorCode() {
      Reply reply = headerOnly.send(headerOnly.request("/api/echo"));

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
      assertEquals(
          "{\"error_description\":\"The request carries no access token.\"}", reply.body());
      assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void whenTheAuthorizationHeaderUsesAnotherSchemeThenItCountsAsNoToken() {
      Reply reply =
          headerOnly.send(
              headerOnly.request("/api/echo").header("Authorization", "Basic YWxpY2U6c2VjcmV0"));

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }

    @Test
    void whenOnlyAQueryTokenIsSentAndQueryTokensAreOffThenItIsIgnored() {
      String token = tokens.valid().build();

      Reply reply = headerOnly.send(headerOnly.request("/api/echo?access_token=" + token));

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }

    @Test
    void whenOnlyAFormTokenIsSentAndFormTokensAreOffThenItIsIgnored() {
      String token = tokens.valid().build();

      Reply reply = withQuery.send(form(withQuery, "/api/echo", "access_token=" + token));

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }

    @Test
    void whenOnlyAQueryTokenIsSentAndOnlyFormTokensAreOnThenItIsIgnored() {
      String token = tokens.valid().build();

      Reply get = withForm.send(withForm.request("/api/echo?access_token=" + token));
      Reply post = withForm.send(form(withForm, "/api/echo?access_token=" + token, "a=b"));

      assertEquals(BARE, get.challenge());
      assertEquals(401, post.status());
      assertEquals(BARE, post.challenge());
    }

    @Test
    void whenTheQueryParameterNameIsPercentEncodedAndQueryTokensAreOffThenItIsStillIgnored() {
      // %5F is '_': the container decodes parameter names, so must the extractor.
      String token = tokens.valid().build();

      Reply reply = withForm.send(form(withForm, "/api/echo?access%5Ftoken=" + token, "a=b"));

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }
  }

  @Nested
  class WhenTokensAreAcceptedOutsideTheHeader {

    @Test
    void thenAQueryTokenPassesWhenSwitchedOn() {
      Reply reply =
          withQuery.send(withQuery.request("/api/echo?access_token=" + tokens.valid().build()));

      assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void thenAFormTokenPassesWhenSwitchedOn() {
      Reply reply =
          withForm.send(form(withForm, "/api/echo", "access_token=" + tokens.valid().build()));

      assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void thenAPercentEncodedParameterNameCountsAsTheSameParameter() {
      String token = tokens.valid().build();

      Reply reply =
          withQuery.send(
              withQuery
                  .request("/api/echo?access%5Ftoken=" + token)
                  .header("Authorization", "Bearer " + token));

      assertEquals(400, reply.status());
      assertEquals(multipleTokens(), reply.challenge());
    }

    @Test
    void thenAHeaderTokenStillPasses() {
      assertEquals(200, withQuery.get(tokens.valid().build()).status());
      assertEquals(200, withForm.get(tokens.valid().build()).status());
    }
  }

  @Nested
  class WhenTheRequestCarriesMoreThanOneToken {

    @Test
    void whenTwoAuthorizationHeadersThen400InvalidRequest() {
      String token = tokens.valid().build();

      Reply reply =
          headerOnly.send(
              headerOnly
                  .request("/api/echo")
                  .header("Authorization", "Bearer " + token)
                  .header("Authorization", "Bearer " + token));

      assertEquals(400, reply.status());
      assertEquals(multipleTokens(), reply.challenge());
    }

    @Test
    void whenHeaderAndQueryTokenAndQueryTokensAreOnThen400() {
      String token = tokens.valid().build();

      Reply reply =
          withQuery.send(
              withQuery
                  .request("/api/echo?access_token=" + token)
                  .header("Authorization", "Bearer " + token));

      assertEquals(400, reply.status());
      assertEquals(multipleTokens(), reply.challenge());
    }

    @Test
    void whenTwoQueryTokensThen400() {
      String token = tokens.valid().build();

      Reply reply =
          withQuery.send(
              withQuery.request("/api/echo?access_token=" + token + "&access_token=" + token));

      assertEquals(400, reply.status());
      assertEquals(multipleTokens(), reply.challenge());
    }

    @Test
    void whenHeaderAndFormTokenAndFormTokensAreOnThen400() {
      String token = tokens.valid().build();

      Reply reply =
          withForm.send(
              form(withForm, "/api/echo", "access_token=" + token)
                  .header("Authorization", "Bearer " + token));

      assertEquals(400, reply.status());
      assertEquals(multipleTokens(), reply.challenge());
    }

    @Test
    void whenHeaderAndQueryTokenAndQueryTokensAreOffThenTheQueryIsIgnored() {
      String token = tokens.valid().build();

      Reply reply =
          headerOnly.send(
              headerOnly
                  .request("/api/echo?access_token=" + token)
                  .header("Authorization", "Bearer " + token));

      assertEquals(200, reply.status());
    }
  }

  @Nested
  class WhenTheCredentialIsNotABearerToken {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Bearer",
          "Bearer    ",
          "BearerabcDEF.ghi.jkl",
          "Bearer a!b.cde.fgh",
          "Bearer abc def.ghi.jkl",
          "Bearer \"abc.def.ghi\"",
          "Bearer ===",
        })
    void thenItIs400InvalidRequest(String authorization) {
      Reply reply =
          headerOnly.send(headerOnly.request("/api/echo").header("Authorization", authorization));

      assertEquals(400, reply.status(), reply::toString);
      assertEquals(invalidRequest(MALFORMED_HEADER), reply.challenge());
    }

    @Test
    void whenTheQueryTokenIsEmptyThen400() {
      Reply reply = withQuery.send(withQuery.request("/api/echo?access_token="));

      assertEquals(400, reply.status());
      assertEquals(invalidRequest(MALFORMED_HEADER), reply.challenge());
    }

    @Test
    void whenTheTokenIsLongerThanTheLimitThen400WithoutParsingIt() {
      try (ProtectedApi small =
          ProtectedApi.start(config().tokens(t -> t.maxLength(1024)).build())) {
        String huge = tokens.valid().claim("padding", "x".repeat(2000)).build();

        Reply reply = small.get(huge);

        assertEquals(400, reply.status());
        assertEquals(invalidRequest(TOO_LARGE), reply.challenge());
        assertEquals(200, small.get(tokens.valid().build()).status());
      }
    }
  }

  @Nested
  class WhenTheTokenIsNotAJwsCompactSerialization {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "abc.def",
          "abc.def.ghi.jkl.mno",
          "abc..ghi",
          ".def.ghi",
          "abc.def.",
          "abc.def.ghi=",
          "abc.d+f.ghi",
          "abc.d/f.ghi",
          "abc.d~f.ghi",
          "opaque-reference-token",
        })
    void thenItIs401Malformed(String token) {
      Reply reply = headerOnly.get(token);

      assertEquals(401, reply.status(), reply::toString);
      assertEquals(invalidToken(MALFORMED_TOKEN), reply.challenge());
    }

    @Test
    void whenTheSegmentsAreNotJsonThen401Malformed() {
      Reply reply = headerOnly.get(b64("not json") + "." + b64("not json") + "." + b64("sig"));

      assertEquals(401, reply.status());
      assertEquals(invalidToken(MALFORMED_TOKEN), reply.challenge());
    }

    @Test
    void whenATokenIsEncryptedThen401Malformed() {
      // JWE compact serialization has five segments; encrypted access tokens are not accepted.
      String header = b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}");
      String jwe = header + "." + "." + b64("iv") + "." + b64("ciphertext") + "." + b64("tag");

      Reply reply = headerOnly.get(jwe);

      assertEquals(401, reply.status());
      assertEquals(invalidToken(MALFORMED_TOKEN), reply.challenge());
    }
  }
}
