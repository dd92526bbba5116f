package io.lowcarb.schedule.provider;

/**
 * A live intensity provider could not answer: it refused the credentials, stayed down with nothing
 * cached to fall back on, or sent a response lowcarb cannot read. The message is one line naming the
 * provider, the HTTP status where there is one, and what to do.
 *
 * <p>Unchecked, unlike {@link io.lowcarb.energy.carbon.IntensityUnavailableException}: it reports a
 * set-up or service problem, not a time for which the provider has no figure.
 */
public final class ProviderException extends RuntimeException {
  private final String provider;
  private final int status;
  private final boolean down;
  private final String request;

  /**
   * @param provider the provider's name, for example {@code Electricity Maps}
   * @param status the HTTP status, or 0 when no response came
   * @param message one line: the provider, the problem and what to do
   */
  public ProviderException(String provider, int status, String message) {
    this(provider, status, message, false, "", null);
  }

  ProviderException(String provider, int status, String message, boolean down, String request, Throwable cause) {
    super(message, cause);
    this.provider = provider;
    this.status = status;
    this.down = down;
    this.request = request;
  }

  /** The provider's name. */
  public String provider() {
    return provider;
  }

  /** The HTTP status of the last response, or 0 when none came (timeout, refused connection). */
  public int status() {
    return status;
  }

  /** The path and query of the request that failed ({@code /login}), or empty when there was none. */
  public String request() {
    return request;
  }

  /**
   * Whether the provider could not be reached or kept failing (timeouts, 5xx, 429), as opposed to
   * refusing the credentials or answering something unreadable. A caller may fall back to another
   * source then.
   */
  public boolean isDown() {
    return down;
  }
}
