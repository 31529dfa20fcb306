package dev.gatehouse.bench.http;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.verify.TokenCachePolicy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The server side of the HTTP-overhead measurement: one Jetty 12 endpoint, {@code GET /api/hello},
 * either bare ({@code plain}) or behind {@link GatehouseFilter} ({@code filter}). It mints {@code
 * count} distinct valid RS256 tokens into {@code tokens-file} (one per line, for the load
 * generator's script) and verifies them against the same key, configured statically so the run
 * never depends on a provider.
 *
 * <p>{@code both} serves the two in one JVM: {@code /api/hello} behind the filter and {@code
 * /plain/hello}, the same servlet without it, so both are measured with the same JIT-compiled
 * server code (separate JVMs differed by up to 25% in CPU per request between identical runs).
 *
 * <p>Usage: {@code HttpOverheadServer plain|filter|both <port> <tokens-file> <count>}
 */
public final class HttpOverheadServer {

  static final String ISSUER = "https://bench.gatehouse.test/";
  static final String AUDIENCE = "https://api.gatehouse.test";

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !List.of("plain", "filter", "both").contains(args[0])) {
      System.err.println(
          "usage: HttpOverheadServer plain|filter|both <port> <tokens-file> <count>");
      System.exit(2);
    }
    boolean filtered = !args[0].equals("plain");
    int port = Integer.parseInt(args[1]);
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("bench-1");
    writeTokens(key, Path.of(args[2]), Integer.parseInt(args[3]));

    Server server = new Server();
    ServerConnector connector = LoopbackConnector.on(server, port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    if (filtered) {
      String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      GatehouseConfigBuilder builder =
          GatehouseConfig.forIssuer(ISSUER)
              .audiences(AUDIENCE)
              .requiredScopes("read")
              .publicKey(jwks);
      // -Dbench.tokenCacheEntries=1000 with a larger pool: (nearly) every request a cache miss.
      Integer cacheEntries = Integer.getInteger("bench.tokenCacheEntries");
      if (cacheEntries != null) {
        builder.tokenCache(cacheEntries, TokenCachePolicy.DEFAULTS.maxBytes());
      }
      GatehouseConfig config = builder.build();
      context.addFilter(
          new FilterHolder(new GatehouseFilter(config)),
          "/api/*",
          EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(new ServletHolder(new Hello()), "/api/hello");
    if (args[0].equals("both")) {
      context.addServlet(new ServletHolder(new Hello()), "/plain/hello");
    }
    server.setHandler(context);
    server.start();
    System.out.println("ready " + args[0] + " on 127.0.0.1:" + connector.getLocalPort());
    server.join();
  }

  private static void writeTokens(RsaJsonWebKey key, Path file, int count) throws Exception {
    List<String> lines = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      JwtClaims claims = new JwtClaims();
      claims.setIssuer(ISSUER);
      claims.setAudience(AUDIENCE);
      claims.setSubject("client-" + (i % 50) + "@clients");
      claims.setClaim("azp", "client-" + (i % 50));
      claims.setClaim("scope", "read write");
      claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
      claims.setExpirationTime(
          NumericDate.fromSeconds(now.plus(Duration.ofHours(2)).getEpochSecond()));
      claims.setJwtId("bench-" + i);
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(key.getPrivateKey());
      jws.setKeyIdHeaderValue(key.getKeyId());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      jws.setHeader("typ", "at+jwt");
      lines.add(jws.getCompactSerialization());
    }
    Files.write(file, lines, StandardCharsets.US_ASCII);
  }

  /** The endpoint every variant serves: a few bytes, so the filter's work is what differs. */
  static final class Hello extends HttpServlet {
    private static final byte[] BODY = "hello\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain");
      response.setContentLength(BODY.length);
      response.getOutputStream().write(BODY);
    }
  }
}
