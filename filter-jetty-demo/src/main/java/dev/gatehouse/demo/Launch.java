package dev.gatehouse.demo;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.login.LoginConfig;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * What has to be ready before the server starts: the provider the demo trusts (started here when it
 * is the local one), the filter's configuration for it, and the start-up message.
 */
final class Launch implements AutoCloseable {

  private final GatehouseConfig config;
  private final Function<URI, String> instructions;
  private final LocalProvider provider;
  private Optional<LoginConfig> login = Optional.empty();

  private Launch(
      GatehouseConfig config, Function<URI, String> instructions, LocalProvider provider) {
    this.config = config;
    this.instructions = instructions;
    this.provider = provider;
  }

  private Launch withLogin(Optional<LoginConfig> login) {
    this.login = login;
    return this;
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  static Launch prepare(DemoSettings settings) {
    return switch (settings.mode()) {
      case LOCAL -> local(settings);
      case AUTH0 -> {
        GatehouseConfig config = settings.auth0Config();
        String domain = settings.auth0Domain();
        String audience = settings.auth0Audience();
        String clientId = settings.auth0ClientId().orElse(null);
        boolean secretSet = settings.auth0ClientSecretSet();
        yield new Launch(
                config, api -> CurlLines.auth0(api, domain, audience, clientId, secretSet), null)
            .withLogin(settings.login(audience));
      }
      case CONFIGURED -> {
        GatehouseConfig config = settings.configuredConfig();
        yield new Launch(
                config,
                api ->
                    CurlLines.configured(
                        api, config.issuer(), String.join(",", config.audiences())),
                null)
            .withLogin(settings.login(config.audiences().iterator().next()));
      }
    };
  }

  private static Launch local(DemoSettings settings) {
    int providerPort = settings.providerPort();
    String userAudience = settings.localUserAudience();
    LocalProvider provider = LocalProvider.start(providerPort, userAudience);
    try {
      GatehouseConfig config = settings.localConfig(provider.issuer());
      // The printed token request asks for one audience the API accepts, demo-api if it may.
      String audience =
          config.audiences().contains(DemoSettings.LOCAL_AUDIENCE)
              ? DemoSettings.LOCAL_AUDIENCE
              : config.audiences().iterator().next();
      return new Launch(
              config,
              api -> CurlLines.local(api, provider.tokenEndpoint(), provider.issuer(), audience),
              provider)
          .withLogin(Optional.of(DemoLogin.local(userAudience)));
    } catch (RuntimeException e) {
      provider.stop();
      throw e;
    }
  }

  GatehouseConfig config() {
    return config;
  }

  /** The browser login on {@code /app}, when this provider has one configured. */
  Optional<LoginConfig> login() {
    return login;
  }

  /** The start-up message for the API at {@code api}, e.g. {@code http://127.0.0.1:8080}. */
  String instructions(URI api) {
    String text = instructions.apply(api);
    if (login.isEmpty()) {
      return text;
    }
    return text
        + "\nSign in with a browser: "
        + api
        + DemoLogin.APP_PATH
        + (provider != null ? " (the local provider's login page takes any user name)\n" : "\n");
  }

  @Override
  public void close() {
    if (provider != null) {
      provider.stop();
    }
  }
}
