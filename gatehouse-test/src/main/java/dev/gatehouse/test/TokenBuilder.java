package dev.gatehouse.test;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * One access token, described fluently and signed when {@link #build()} is called: {@code
 * tokens.valid().scopes("read:orders").expiresIn(Duration.ofMinutes(5)).build()}. Starts from a
 * token the provider would issue (RFC 9068 shape: {@code typ at+jwt}, {@code iss}, {@code aud},
 * {@code sub}, {@code client_id}, {@code iat}, {@code exp}, {@code jti}); each method changes one
 * thing. Times come from the provider's clock. Not thread-safe; cheap to make another.
 */
public final class TokenBuilder {

  private final ProviderKeys keys;
  private final Clock clock;
  private String issuer;
  private List<String> audiences;
  private String subject = "test-user";
  private String clientId = LocalOpenIdProvider.DEFAULT_CLIENT_ID;
  private final List<String> scopes = new ArrayList<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private Duration issuedAgo = Duration.ZERO;
  private Duration lifetime = Duration.ofMinutes(5);
  private Duration notBeforeIn;
  private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
  private boolean strangerKey;
  private String type = "at+jwt";
  private EncryptionKey encryptTo;
  private String keyManagement = "RSA-OAEP-256";
  private String contentEncryption = "A256GCM";

  TokenBuilder(ProviderKeys keys, Clock clock, String issuer, List<String> audiences) {
    this.keys = keys;
    this.clock = clock;
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
  }

  /** Adds scopes to the {@code scope} claim (space-separated, RFC 8693 / RFC 9068). */
  public TokenBuilder scopes(String... scopes) {
    this.scopes.addAll(List.of(scopes));
    return this;
  }

  public TokenBuilder subject(String subject) {
    this.subject = subject;
    return this;
  }

  public TokenBuilder clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  /** Replaces the audiences; none at all leaves {@code aud} out. */
  public TokenBuilder audiences(String... audiences) {
    this.audiences = List.of(audiences);
    return this;
  }

  public TokenBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * Binds the token to a client's DPoP key ({@code cnf.jkt}, RFC 9449 section 6): Gatehouse then
   * admits it only with the DPoP scheme and a proof made by {@link DpopKey#proof}.
   */
  public TokenBuilder dpopBoundTo(DpopKey key) {
    return claim("cnf", Map.of("jkt", key.thumbprint()));
  }

  /** Any other claim; a value may be a String, Number, Boolean, List or Map. */
  public TokenBuilder claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  /**
   * Binds the token to a client certificate (RFC 8705 section 3.1): {@code cnf} holds {@code
   * x5t#S256}, the base64url SHA-256 thumbprint of the certificate's DER encoding. Only a request
   * made with that certificate (TLS client authentication) may then use the token.
   */
  public TokenBuilder certificateBound(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return claim(
          "cnf",
          Map.of("x5t#S256", Base64.getUrlEncoder().withoutPadding().encodeToString(digest)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("no SHA-256 thumbprint for this certificate", e);
    }
  }

  /** {@code exp} this long after {@code iat}; negative or zero makes a token already expired. */
  public TokenBuilder expiresIn(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  /** {@code iat} this long before the provider's now (the expiry moves with it). */
  public TokenBuilder issuedAgo(Duration ago) {
    this.issuedAgo = ago;
    return this;
  }

  /** Adds {@code nbf} this long after now: the token is not valid yet. */
  public TokenBuilder notBeforeIn(Duration in) {
    this.notBeforeIn = in;
    return this;
  }

  /** Signs with the provider's current key for this algorithm (all four are published). */
  public TokenBuilder signedWith(SigningAlgorithm algorithm) {
    this.algorithm = algorithm;
    return this;
  }

  /** Signs with an RSA key the provider never published: a well-formed token nobody vouches for. */
  public TokenBuilder signedWithUnpublishedKey() {
    this.algorithm = SigningAlgorithm.RS256;
    this.strangerKey = true;
    return this;
  }

  /** The {@code typ} header; {@code null} leaves it out. */
  public TokenBuilder type(String type) {
    this.type = type;
    return this;
  }

  /**
   * Encrypts the signed token to the provider's {@link LocalOpenIdProvider#encryptionKey()}: {@link
   * #build()} then gives a nested JWT (a compact JWE, RSA-OAEP-256 and A256GCM, {@code cty JWT},
   * the key's {@code kid}) that Gatehouse accepts once it has the private half.
   */
  public TokenBuilder encrypted() {
    return encryptedFor(keys.encryption());
  }

  /** As {@link #encrypted()}, to another key, e.g. one Gatehouse was not given. */
  public TokenBuilder encryptedFor(EncryptionKey key) {
    this.encryptTo = key;
    return this;
  }

  /**
   * Encrypts (to the provider's key unless {@link #encryptedFor} named another) with these JWE
   * algorithms instead of RSA-OAEP-256 and A256GCM; any RSA key-management algorithm, also one
   * Gatehouse refuses ({@code RSA1_5}), so that the refusal can be tested.
   */
  public TokenBuilder encryptedWith(String keyManagement, String contentEncryption) {
    this.keyManagement = keyManagement;
    this.contentEncryption = contentEncryption;
    return encryptTo == null ? encrypted() : this;
  }

  /** The payload as it would be signed, for forgeries built on it. */
  public JwtClaims claims() {
    JwtClaims c = new JwtClaims();
    Instant iat = clock.instant().minus(issuedAgo);
    c.setIssuer(issuer);
    if (!audiences.isEmpty()) {
      c.setAudience(audiences);
    }
    c.setSubject(subject);
    c.setClaim("client_id", clientId);
    if (!scopes.isEmpty()) {
      c.setClaim("scope", String.join(" ", scopes));
    }
    c.setIssuedAt(NumericDate.fromSeconds(iat.getEpochSecond()));
    c.setExpirationTime(NumericDate.fromSeconds(iat.plus(lifetime).getEpochSecond()));
    if (notBeforeIn != null) {
      c.setNotBefore(NumericDate.fromSeconds(clock.instant().plus(notBeforeIn).getEpochSecond()));
    }
    c.setJwtId(UUID.randomUUID().toString());
    claims.forEach(c::setClaim);
    return c;
  }

  /** The signed compact JWS, or the JWE around it when the token is to be encrypted. */
  public String build() {
    String signed = sign();
    return encryptTo == null ? signed : encrypt(signed);
  }

  private String encrypt(String signed) {
    JsonWebEncryption jwe = new JsonWebEncryption();
    // The producer's side of a test: refused algorithms must be makeable, Gatehouse judges them.
    jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jwe.setAlgorithmHeaderValue(keyManagement);
    jwe.setEncryptionMethodHeaderParameter(contentEncryption);
    jwe.setContentTypeHeaderValue("JWT");
    jwe.setKeyIdHeaderValue(encryptTo.kid());
    jwe.setKey(encryptTo.publicKey());
    jwe.setPayload(signed);
    try {
      return jwe.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(
          "cannot encrypt with " + keyManagement + " and " + contentEncryption, e);
    }
  }

  private String sign() {
    JsonWebSignature jws = new JsonWebSignature();
    var key = strangerKey ? keys.stranger() : keys.current(algorithm);
    jws.setPayload(claims().toJson());
    jws.setAlgorithmHeaderValue(algorithm.jwaName());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    if (type != null) {
      jws.setHeader("typ", type);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a " + algorithm.jwaName() + " token", e);
    }
  }
}
