package dev.gatehouse.bench;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Spring Security's {@link NimbusJwtDecoder} as a resource server configures it: for RSA keys
 * {@code withPublicKey(...)}, for EC keys (which {@code withPublicKey} does not take) an in-memory
 * JWKS through {@code withJwkSource(...)}; then the default validators ({@code exp}/{@code nbf})
 * plus issuer, audience and a scope claim present. Includes Spring's claim-set conversion into
 * {@link Jwt}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpringNimbusJwtDecoder {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private NimbusJwtDecoder decoder;

  @Setup
  public void setup() throws Exception {
    pool = TokenPool.of(alg);
    SignatureAlgorithm algorithm = SignatureAlgorithm.from(alg);
    if (pool.publicKey() instanceof RSAPublicKey rsa) {
      decoder = NimbusJwtDecoder.withPublicKey(rsa).signatureAlgorithm(algorithm).build();
    } else {
      decoder =
          NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(JWKSet.parse(pool.jwksJson())))
              .jwsAlgorithm(algorithm)
              .build();
    }
    decoder.setJwtValidator(
        JwtValidators.createDefaultWithValidators(
            new JwtIssuerValidator(TokenPool.ISSUER),
            new JwtAudienceValidator(TokenPool.AUDIENCE),
            new JwtClaimValidator<Object>(TokenPool.SCOPE_CLAIM, Objects::nonNull)));
    Sanity.check("SpringNimbusJwtDecoder", pool, this::verify);
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) {
    bh.consume(verify(cursor.next(pool)));
  }

  Jwt verify(String token) {
    return decoder.decode(token);
  }
}
