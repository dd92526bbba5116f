package io.lowcarb.schedule.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * GET requests to one provider with timeouts, retries and a cache. A request that times out, cannot
 * connect, or gets 429 or 5xx is sent again after a wait ({@code Retry-After} when the provider
 * gives one, else a backoff that doubles), up to {@link HttpSettings#maxAttempts()} times. When the
 * provider stays down, the last cached response stands in, marked {@linkplain Fetched#stale() stale};
 * with nothing cached, a {@link ProviderException} says so. A 401 or 403 is never retried nor
 * papered over with the cache: it needs the user to act. Safe to use from several threads.
 */
public final class ProviderHttp {
  private final String provider;
  private final HttpSettings settings;
  private final HttpClient client;
  private final ResponseCache cache;

  /**
   * @param provider the provider's name, for messages: {@code Electricity Maps}
   * @param settings timeouts, retries and cache
   */
  public ProviderHttp(String provider, HttpSettings settings) {
    this.provider = provider;
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.cache = settings.cacheDir() == null ? null : new ResponseCache(settings.cacheDir());
  }

  /** The provider's name. */
  public String provider() {
    return provider;
  }

  /** The settings in use. */
  public HttpSettings settings() {
    return settings;
  }

  /**
   * The response body: from the cache while it is fresh, else from the provider, else (provider
   * down) the last cached one, stale.
   *
   * @throws ProviderException on 401 or 403, on another 4xx, or when the provider is down and
   *     nothing is cached
   */
  public Fetched get(ApiCall call) {
    return get(call, fetched -> fetched);
  }

  /**
   * The response read by {@code read}: from the cache while it is fresh, else from the provider,
   * else (provider down) from the last cached one, stale. A body is cached only once {@code read}
   * has accepted it, so a broken answer is never served again from the cache.
   *
   * @param read turns the body into values; it throws {@link ProviderException} for a body it
   *     cannot read
   * @throws ProviderException on 401 or 403, on another 4xx, when the provider is down and nothing
   *     is cached, or from {@code read}
   */
  public <T> T get(ApiCall call, Function<Fetched, T> read) {
    boolean caching = call.cached() && cache != null;
    Optional<Fetched> cached = caching ? cache.read(call.uri()) : Optional.empty();
    Instant now = settings.clock().wallTime();
    if (cached.isPresent() && Duration.between(cached.get().fetchedAt(), now).compareTo(call.freshFor()) < 0) {
      try {
        return read.apply(cached.get());
      } catch (ProviderException unreadable) {
        cached = Optional.empty(); // ask the provider instead
      }
    }
    String body;
    try {
      body = send(call);
    } catch (ProviderException e) {
      if (e.isDown() && cached.isPresent()) {
        return read.apply(cached.get().asStale());
      }
      throw e;
    }
    Fetched fetched = new Fetched(body, settings.clock().wallTime(), false);
    T value = read.apply(fetched);
    if (caching) {
      cache.write(call.uri(), body, fetched.fetchedAt());
    }
    return value;
  }

  private String send(ApiCall call) {
    Down last = null;
    int attempt = 0;
    while (attempt < settings.maxAttempts()) {
      attempt++;
      Duration wait = backoff(attempt);
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(settings.requestTimeout()).GET();
        request.header("Accept", "application/json");
        for (Map.Entry<String, String> h : call.headers().get().entrySet()) {
          request.header(h.getKey(), h.getValue());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body();
        }
        if (status == 401 || status == 403) {
          throw new ProviderException(provider, status,
              provider + " refused " + call.refused() + " (" + status + "): " + call.hint(), false, call.describe(), null);
        }
        if (status != 429 && status < 500) {
          throw new ProviderException(provider, status,
              provider + " answered HTTP " + status + " to " + call.describe() + ": " + excerpt(response.body()),
              false, call.describe(), null);
        }
        last = new Down(status, "answered HTTP " + status, null);
        Optional<Duration> retryAfter = retryAfter(response);
        if (retryAfter.isPresent()) {
          wait = retryAfter.get();
          if (wait.compareTo(settings.maxWait()) > 0) {
            last = new Down(status, "answered HTTP " + status + " and asked to wait " + wait.toSeconds()
                + " s, more than the " + settings.maxWait().toSeconds() + " s lowcarb waits", null);
            break;
          }
        }
      } catch (HttpConnectTimeoutException e) {
        last = new Down(0, "did not accept a connection within " + seconds(settings.connectTimeout()), e);
      } catch (HttpTimeoutException e) {
        last = new Down(0, "did not answer within " + seconds(settings.requestTimeout()), e);
      } catch (ConnectException e) {
        last = new Down(0, "refused the connection", e);
      } catch (IOException e) {
        last = new Down(0, "could not be reached (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(provider, 0, "interrupted while asking " + provider + " for " + call.describe());
      }
      if (attempt < settings.maxAttempts()) {
        sleep(wait, call);
      }
    }
    String tries = attempt == 1 ? "" : " (" + attempt + " attempts)";
    throw new ProviderException(provider, last.status,
        provider + " " + last.reason + tries + " for " + call.describe()
            + ", and no earlier response is cached: try again later or check the network",
        true, call.describe(), last.cause);
  }

  private void sleep(Duration wait, ApiCall call) {
    try {
      settings.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(provider, 0, "interrupted while waiting to ask " + provider + " again for " + call.describe());
    }
  }

  /** {@code firstBackoff * 2^(attempt-1)}, at most {@code maxWait}. */
  private Duration backoff(int attempt) {
    Duration wait = settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
    return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant when = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(settings.clock().wallTime(), when);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String excerpt(String body) {
    String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return line.isEmpty() ? "(empty body)" : line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private record Down(int status, String reason, Throwable cause) {}
}
