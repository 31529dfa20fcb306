package dev.gatehouse.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.login.LoginConfigBinder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One spelling rule for the client authentication wherever it is configured: the RFC 7591 name or
 * the same with hyphens, in any case, for the login's token requests and for introspection alike.
 */
class ClientAuthenticationSpellingTest {

  @ParameterizedTest
  @CsvSource({
    "client_secret_basic, CLIENT_SECRET_BASIC",
    "client-secret-basic, CLIENT_SECRET_BASIC",
    "Client-Secret-Basic, CLIENT_SECRET_BASIC",
    "client_secret_post, CLIENT_SECRET_POST",
    "client-secret-post, CLIENT_SECRET_POST",
    "CLIENT_SECRET_POST, CLIENT_SECRET_POST"
  })
  void whenTheLoginNamesAMethodInEitherSpellingThenItIsThatMethod(
      String spelling, ClientAuthentication expected) {
    PropertyLookup settings =
        PropertyLookup.of(
            Map.of(
                "gatehouse.login.client-id", "web",
                "gatehouse.login.client-secret", "secret",
                "gatehouse.login.redirect-path", "/app/callback",
                "gatehouse.login.client-authentication", spelling));

    assertEquals(expected, new LoginConfigBinder(settings).bind().clientAuthentication());
  }

  @ParameterizedTest
  @CsvSource({
    "client_secret_basic, CLIENT_SECRET_BASIC",
    "client-secret-basic, CLIENT_SECRET_BASIC",
    "Client-Secret-Basic, CLIENT_SECRET_BASIC",
    "client_secret_post, CLIENT_SECRET_POST",
    "client-secret-post, CLIENT_SECRET_POST",
    "CLIENT_SECRET_POST, CLIENT_SECRET_POST"
  })
  void whenIntrospectionNamesAMethodInEitherSpellingThenItIsThatMethod(
      String spelling, ClientAuthentication expected) {
    PropertyLookup settings =
        PropertyLookup.of(
            Map.of(
                "gatehouse.issuer", "https://idp.example/",
                "gatehouse.audiences", "https://api.example",
                "gatehouse.introspection.endpoint", "https://idp.example/oauth2/introspect",
                "gatehouse.introspection.client-id", "rs",
                "gatehouse.introspection.client-secret", "secret",
                "gatehouse.introspection.client-auth", spelling));

    assertEquals(
        expected,
        new ConfigBinder(settings).bind().introspection().orElseThrow().clientAuthentication());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"private_key_jwt", "client secret basic", "basic", "client__secret_basic"})
  void whenTheValueIsAnotherMethodThenItIsRefusedNamingTheProperty(String value) {
    IllegalArgumentException login =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClientAuthentication.parse(value, "gatehouse.login.client-authentication"));

    assertEquals(
        "gatehouse.login.client-authentication: '"
            + value
            + "' must be client_secret_basic or client_secret_post",
        login.getMessage());
  }
}
