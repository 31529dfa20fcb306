package dev.gatehouse.it.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gatehouse.test.LocalOpenIdProvider;
import dev.gatehouse.test.TokenBuilder;
import dev.gatehouse.test.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The requests of the load test and the decision each must get. Signed tokens are minted once
 * (signing is the expensive part); forged and garbage tokens are made fresh for every request, so
 * the filter sees an unbounded number of distinct hostile tokens and any per-token state would show
 * as heap growth.
 */
final class TokenMix {

  static final String AUDIENCE = "https://api.gatehouse.test";
  static final int POOL = 256;

  /** A class of request, how often it is sent (out of 100), and the expected answer. */
  enum Kind {
    VALID(45, 200, null),
    EXPIRED(10, 401, "invalid_token"),
    WRONG_AUDIENCE(10, 401, "invalid_token"),
    FORGED(10, 401, "invalid_token"),
    GARBAGE_JWS(8, 401, "invalid_token"),
    GARBAGE_TEXT(7, 400, "invalid_request"),
    MISSING(10, 401, null);

    final int weight;
    final int status;
    final String error;

    Kind(int weight, int status, String error) {
      this.weight = weight;
      this.status = status;
      this.error = error;
    }
  }

  /** One request: the {@code Authorization} value (null for none) and what it must get. */
  record Request(Kind kind, String authorization) {}

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String PRINTABLE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

  private final String issuer;
  private final List<String> valid = new ArrayList<>();
  private final List<String> expired = new ArrayList<>();
  private final List<String> wrongAudience = new ArrayList<>();
  private final String forgedHeader;
  private final Kind[] byPercent = new Kind[100];

  /** Tokens of {@code provider}, which must have been started for {@link #AUDIENCE}. */
  TokenMix(LocalOpenIdProvider provider) {
    this.issuer = provider.issuer();
    Tokens tokens = provider.tokens();
    for (int i = 0; i < POOL; i++) {
      valid.add(client(tokens, i).expiresIn(Duration.ofHours(2)).build());
      expired.add(
          client(tokens, i)
              .issuedAgo(Duration.ofMinutes(11))
              .expiresIn(Duration.ofMinutes(1))
              .build());
      wrongAudience.add(
          client(tokens, i)
              .audiences("https://other-api.example")
              .expiresIn(Duration.ofHours(2))
              .build());
    }
    // The trusted key's own header (alg, typ, kid), so that only the signature is wrong.
    forgedHeader = valid.get(0).substring(0, valid.get(0).indexOf('.'));
    int at = 0;
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < kind.weight; i++) {
        byPercent[at++] = kind;
      }
    }
    if (at != 100) {
      throw new IllegalStateException("weights add up to " + at);
    }
  }

  List<String> validTokens() {
    return valid;
  }

  /** The next request; {@code random} is the caller's own (one per client thread). */
  Request next(SplittableRandom random) {
    Kind kind = byPercent[random.nextInt(100)];
    String token =
        switch (kind) {
          case VALID -> valid.get(random.nextInt(POOL));
          case EXPIRED -> expired.get(random.nextInt(POOL));
          case WRONG_AUDIENCE -> wrongAudience.get(random.nextInt(POOL));
          case FORGED -> forged(random);
          case GARBAGE_JWS ->
              randomSegment(random, 20)
                  + "."
                  + randomSegment(random, 60)
                  + "."
                  + randomSegment(random, 40);
          case GARBAGE_TEXT -> garbageText(random);
          case MISSING -> null;
        };
    return new Request(kind, token == null ? null : "Bearer " + token);
  }

  /** The trusted key's {@code kid}, fresh claims, and 256 random bytes where the signature goes. */
  private String forged(SplittableRandom random) {
    String claims =
        "{\"iss\":\""
            + issuer
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\"mallory\",\"jti\":\""
            + random.nextLong()
            + "\",\"exp\":"
            + (Instant.now().getEpochSecond() + 3600)
            + "}";
    byte[] signature = new byte[256];
    random.nextBytes(signature);
    return forgedHeader
        + "."
        + B64URL.encodeToString(claims.getBytes(UTF_8))
        + "."
        + B64URL.encodeToString(signature);
  }

  private static String randomSegment(SplittableRandom random, int bytes) {
    byte[] b = new byte[1 + random.nextInt(bytes)];
    random.nextBytes(b);
    return B64URL.encodeToString(b);
  }

  /** Printable text with at least one character a bearer token may not contain. */
  private static String garbageText(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    int length = 1 + random.nextInt(80);
    for (int i = 0; i < length; i++) {
      s.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
    }
    s.insert(random.nextInt(s.length() + 1), "!{}\"".charAt(random.nextInt(4)));
    return s.toString();
  }

  private static TokenBuilder client(Tokens tokens, int i) {
    String client = "client-" + i;
    return tokens
        .valid()
        .subject(client)
        .clientId(client)
        .claim("azp", client)
        .scopes("read:orders");
  }
}
