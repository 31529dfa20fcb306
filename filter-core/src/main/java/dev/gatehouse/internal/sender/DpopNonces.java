package dev.gatehouse.internal.sender;

import dev.gatehouse.store.NonceSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-issued DPoP nonces (RFC 9449 section 9) that need no storage: a nonce is the number of a
 * time slot followed by an HMAC-SHA256 of that number under a {@link NonceSecrets} key. Only a
 * holder of the secret can make one, and any node holding it can check one.
 *
 * <p>A nonce is accepted during its own slot and the next, so it lives between one and two slot
 * lengths. In that second slot (or when it was made with a key that has since been replaced) it is
 * {@linkplain Check#DUE_FOR_REFRESH due}: still accepted, and the response should carry a new one
 * in {@code DPoP-Nonce} so that the client never meets a refusal in steady use.
 */
public final class DpopNonces {

  /** What a presented nonce is worth. */
  public enum Check {
    /** Made in this slot with the current key. */
    CURRENT,
    /** Accepted, but the response should carry a fresh nonce. */
    DUE_FOR_REFRESH,
    /** Forged, stale, or not a nonce of ours at all. */
    INVALID
  }

  private static final byte[] CONTEXT =
      "gatehouse dpop nonce v1".getBytes(StandardCharsets.US_ASCII);
  private static final int SLOT_BYTES = Long.BYTES;
  private static final int MAC_BYTES = 32;
  private static final int NONCE_CHARS = 54; // base64url of 40 bytes, unpadded

  private final NonceSecrets secrets;
  private final long slotSeconds;

  /**
   * @param slot how long one slot lasts; a nonce is accepted for one to two of them
   */
  public DpopNonces(NonceSecrets secrets, Duration slot) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    if (slot.toSeconds() < 1) {
      throw new IllegalArgumentException("nonce slot must be at least one second: " + slot);
    }
    this.slotSeconds = slot.toSeconds();
  }

  /** A new nonce, for {@code DPoP-Nonce} on a refusal or a response it is due on. */
  public String issue(Instant now) {
    long slot = slotOf(now);
    ByteBuffer nonce = ByteBuffer.allocate(SLOT_BYTES + MAC_BYTES).putLong(slot);
    nonce.put(mac(secrets.current(), slot));
    return Digests.base64url(nonce.array());
  }

  /** How {@code nonce} (a proof's {@code nonce} claim) stands at {@code now}. */
  public Check check(String nonce, Instant now) {
    if (nonce.length() != NONCE_CHARS) {
      return Check.INVALID;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Check.INVALID;
    }
    // The decoder ignores the last character's spare bits: one nonce, one spelling.
    if (!Digests.base64url(bytes).equals(nonce)) {
      return Check.INVALID;
    }
    ByteBuffer decoded = ByteBuffer.wrap(bytes);
    long slot = decoded.getLong();
    byte[] presented = new byte[MAC_BYTES];
    decoded.get(presented);
    long current = slotOf(now);
    if (slot != current && slot != current - 1) {
      return Check.INVALID;
    }
    boolean first = true;
    for (byte[] key : secrets.accepted()) {
      if (MessageDigest.isEqual(presented, mac(key, slot))) {
        return first && slot == current ? Check.CURRENT : Check.DUE_FOR_REFRESH;
      }
      first = false;
    }
    return Check.INVALID;
  }

  private long slotOf(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), slotSeconds);
  }

  private static byte[] mac(byte[] key, long slot) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      hmac.update(CONTEXT);
      return hmac.doFinal(ByteBuffer.allocate(SLOT_BYTES).putLong(slot).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
