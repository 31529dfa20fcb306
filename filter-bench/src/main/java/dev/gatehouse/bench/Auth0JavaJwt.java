package dev.gatehouse.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
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

/**
 * Auth0's java-jwt: {@code JWT.require(alg).withIssuer(..).withAudience(..)
 * .withClaimPresence("scope").build()}, built once; {@code exp}, {@code nbf} and {@code iat} are
 * checked by default (leeway 30 s, as for the others).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class Auth0JavaJwt {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private JWTVerifier verifier;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    Algorithm algorithm;
    switch (alg) {
      case "RS256":
        algorithm = Algorithm.RSA256((RSAPublicKey) pool.publicKey());
        break;
      case "PS256":
        algorithm = Algorithm.RSA256PSS((RSAPublicKey) pool.publicKey());
        break;
      case "ES256":
        algorithm = Algorithm.ECDSA256((ECPublicKey) pool.publicKey());
        break;
      default:
        throw new IllegalArgumentException(alg);
    }
    verifier =
        JWT.require(algorithm)
            .withIssuer(TokenPool.ISSUER)
            .withAudience(TokenPool.AUDIENCE)
            .withClaimPresence(TokenPool.SCOPE_CLAIM)
            .acceptLeeway(30)
            .build();
    Sanity.check("Auth0JavaJwt", pool, this::verify);
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) {
    bh.consume(verify(cursor.next(pool)));
  }

  DecodedJWT verify(String token) {
    return verifier.verify(token);
  }
}
