package dev.gatehouse.internal.sender;

import dev.gatehouse.error.Rejection;
import java.util.Objects;

/** The answer of {@link DpopProofVerifier}: accepted, or refused for one stable reason. */
public sealed interface DpopVerdict {

  /**
   * @param thumbprint the RFC 7638 thumbprint of the proof's key, equal to the token's {@code
   *     cnf.jkt}
   * @param freshNonceDue whether the response should carry a new {@code DPoP-Nonce}
   */
  record Accepted(String thumbprint, boolean freshNonceDue) implements DpopVerdict {
    public Accepted {
      Objects.requireNonNull(thumbprint, "thumbprint");
    }
  }

  /** {@code reason} is one of the {@code DPOP_} rejections. */
  record Refused(Rejection reason) implements DpopVerdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
