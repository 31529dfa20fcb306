package dev.gatehouse.internal.lean;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code typ} headers fit for an access token, for the header checks of both paths. */
public final class AccessTokenType {

  private static final Set<String> ACCESS_TOKEN_TYPES =
      Set.of("jwt", "at+jwt", "application/at+jwt");

  private AccessTokenType() {}

  /** Absent, {@code JWT} or {@code at+jwt} (RFC 9068), in any case. */
  public static boolean fits(@Nullable Object typ) {
    return typ == null
        || (typ instanceof String s && ACCESS_TOKEN_TYPES.contains(s.toLowerCase(Locale.ROOT)));
  }
}
