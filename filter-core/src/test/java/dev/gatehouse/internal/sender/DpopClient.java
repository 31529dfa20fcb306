package dev.gatehouse.internal.sender;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DPoPUtils;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

/**
 * A DPoP client that nobody here wrote: the Nimbus OAuth 2.0 SDK's {@link DefaultDPoPProofFactory}
 * makes every proof, with a fresh key per client. EdDSA goes through the SDK's own claims and
 * Nimbus's header and serialisation too; only its signature is the JDK's, since Nimbus signs
 * Ed25519 with Tink, which this build does not carry.
 */
final class DpopClient {

  private final JWK key;
  private final JWSAlgorithm alg;
  private final JWSSigner ed25519;

  private DpopClient(JWK key, JWSAlgorithm alg, JWSSigner ed25519) {
    this.key = key;
    this.alg = alg;
    this.ed25519 = ed25519;
  }

  static DpopClient es256() {
    return generate(JWSAlgorithm.ES256);
  }

  static DpopClient generate(JWSAlgorithm alg) {
    try {
      if (JWSAlgorithm.EdDSA.equals(alg)) {
        return ed25519Client();
      }
      JWK key =
          switch (alg.getName()) {
            case "ES256" -> new ECKeyGenerator(Curve.P_256).generate();
            case "ES384" -> new ECKeyGenerator(Curve.P_384).generate();
            default -> new RSAKeyGenerator(2048).generate();
          };
      return new DpopClient(key, alg, null);
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The RFC 7638 thumbprint an authorization server puts in {@code cnf.jkt}, as Nimbus works it
   * out.
   */
  String thumbprint() {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  JWK key() {
    return key;
  }

  JWSAlgorithm alg() {
    return alg;
  }

  String proof(String method, String uri, String token) {
    return proof(method, uri, token, Instant.now(), null);
  }

  String proof(String method, String uri, String token, String nonce) {
    return proof(method, uri, token, Instant.now(), nonce);
  }

  String proof(String method, String uri, String token, Instant iat, String nonce) {
    try {
      JWTID jti = new JWTID();
      Nonce n = nonce == null ? null : new Nonce(nonce);
      DPoPAccessToken accessToken = new DPoPAccessToken(token);
      if (ed25519 != null) {
        JWSHeader header =
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(DPoPProofFactory.TYPE)
                .jwk(key.toPublicJWK())
                .build();
        SignedJWT jwt =
            new SignedJWT(
                header,
                DPoPUtils.createJWTClaimsSet(
                    jti, method, URI.create(uri), Date.from(iat), accessToken, n));
        jwt.sign(ed25519);
        return jwt.serialize();
      }
      return new DefaultDPoPProofFactory(key, alg)
          .createDPoPJWT(jti, method, URI.create(uri), Date.from(iat), accessToken, n)
          .serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DpopClient ed25519Client() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x = tail(pair.getPublic().getEncoded());
    byte[] d = tail(pair.getPrivate().getEncoded());
    JWK key =
        new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).build();
    return new DpopClient(key, JWSAlgorithm.EdDSA, new JdkEd25519(pair.getPrivate()));
  }

  /** The raw 32-byte key at the end of its X.509 or PKCS#8 encoding (RFC 8410). */
  private static byte[] tail(byte[] encoded) {
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  private static final class JdkEd25519 implements JWSSigner {
    private final PrivateKey key;

    JdkEd25519(PrivateKey key) {
      this.key = key;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      try {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(signingInput);
        return Base64URL.encode(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new JOSEException(e.getMessage(), e);
      }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
      return new JCAContext();
    }
  }
}
