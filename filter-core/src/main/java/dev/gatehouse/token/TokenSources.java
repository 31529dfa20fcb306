package dev.gatehouse.token;

import dev.gatehouse.config.ConfigKey;

/**
 * Where a request's token may be and how long it may be: the {@code Authorization} header always,
 * the {@code access_token} query or form parameter only when the application allows it.
 *
 * @param queryParameter whether {@code ?access_token=} is read (RFC 6750 section 2.3)
 * @param formParameter whether a form-encoded body's {@code access_token} is read (section 2.2)
 * @param maxLength longest token accepted, in characters; longer ones are refused unparsed
 */
public record TokenSources(boolean queryParameter, boolean formParameter, int maxLength) {

  public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

  /** The header only, at most 8192 characters. */
  public static final TokenSources DEFAULTS = new TokenSources(false, false, DEFAULT_MAX_LENGTH);

  /**
   * @throws IllegalArgumentException when {@code maxLength} is outside 64..65536
   */
  public TokenSources {
    if (maxLength < 64 || maxLength > 64 * 1024) {
      throw new IllegalArgumentException(
          ConfigKey.MAX_TOKEN_LENGTH.property() + ": " + maxLength + " is outside 64..65536");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the token sources; starts from the header only. */
  public static final class Builder {
    private boolean queryParameter;
    private boolean formParameter;
    private int maxLength = DEFAULT_MAX_LENGTH;

    private Builder() {}

    /**
     * Also accepts the token as an {@code access_token} query parameter. Risk: URLs end up in
     * access logs, browser history and {@code Referer} headers, so the token leaks. Use only for
     * clients that cannot send headers.
     */
    public Builder allowQueryParameter() {
      this.queryParameter = true;
      return this;
    }

    /**
     * Also accepts the token as an {@code access_token} field of a form-encoded body. Risk: the
     * filter must read the body, and a form can be posted cross-site.
     */
    public Builder allowFormParameter() {
      this.formParameter = true;
      return this;
    }

    /** Longest token accepted, in characters (default 8192, 64 to 65536). */
    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the length is out of range
     */
    public TokenSources build() {
      return new TokenSources(queryParameter, formParameter, maxLength);
    }
  }
}
