package io.lowcarb.schedule.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lowcarb.energy.net.LoopbackHosts;
import io.lowcarb.energy.net.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server speaking the Carbon Aware SDK WebAPI ({@code /emissions/...}, {@code
 * /locations}) over a {@link Catalog}, and optionally {@code /jobs} over a {@link JobsBackend}.
 * It binds 127.0.0.1 unless told otherwise, and serves TLS when given an identity. Bound to
 * loopback, it answers only requests whose Host header names it (127.0.0.1, localhost): others are
 * 403, so that a web page elsewhere cannot point a name of its own at it (DNS rebinding) and read
 * the jobs. Every body is JSON; errors are ValidationProblemDetails ({@code
 * application/problem+json}); an unknown path is 404 and a wrong method 405.
 *
 * <pre>{@code
 * try (CarbonAwareServer server = CarbonAwareServer.builder(catalog).port(8080).start()) {
 *   ... server.uri() ...
 * }
 * }</pre>
 */
public final class CarbonAwareServer implements AutoCloseable {
  /** The port used unless another is set. */
  public static final int DEFAULT_PORT = 8080;

  /** The largest request body read, bytes; larger bodies get 413. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final System.Logger LOG = System.getLogger(CarbonAwareServer.class.getName());

  private final HttpServer server;
  private final ExecutorService pool;
  private final Router router;
  private final Optional<LoopbackHosts> hosts;
  private boolean closed;

  private CarbonAwareServer(HttpServer server, ExecutorService pool, Router router, Optional<LoopbackHosts> hosts) {
    this.server = server;
    this.pool = pool;
    this.router = router;
    this.hosts = hosts;
  }

  /** A server for the locations of {@code catalog}; set it up, then {@link Builder#start()}. */
  public static Builder builder(Catalog catalog) {
    return new Builder(catalog);
  }

  /** How to set up and start a server. */
  public static final class Builder {
    private final Catalog catalog;
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private int threads = 4;
    private InstantSource clock = InstantSource.system();
    private Duration forecastHorizon = Duration.ofHours(24);
    private JobsBackend jobs;
    private String token;
    private TlsIdentity tls;

    private Builder(Catalog catalog) {
      this.catalog = catalog;
    }

    /** The address to bind: 127.0.0.1 by default; {@code 0.0.0.0} for every interface. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port, {@value #DEFAULT_PORT} by default; 0 picks a free one (see {@link #address()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("a port is 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Threads answering requests, 4 by default. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("the server needs at least one thread, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** What "now" is for default times, the system clock by default (set it to replay a past year). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** How far ahead a forecast reaches when a request gives no dataEndAt, 24 hours by default. */
    public Builder forecastHorizon(Duration horizon) {
      this.forecastHorizon = horizon;
      return this;
    }

    /**
     * Serves {@code /jobs} from {@code backend}; submitting and cancelling need {@code
     * Authorization: Bearer token}. Without this, {@code /jobs} is 404.
     */
    public Builder jobs(JobsBackend backend, String bearerToken) {
      new BearerToken(bearerToken); // checks it now rather than at start
      this.jobs = backend;
      this.token = bearerToken;
      return this;
    }

    /** Serves HTTPS presenting {@code identity}, rather than plain HTTP. */
    public Builder tls(TlsIdentity identity) {
      this.tls = identity;
      return this;
    }

    /** Binds and starts serving. */
    public CarbonAwareServer start() throws IOException {
      Router router = new Router();
      new EmissionsEndpoints(new CarbonAwareQueries(catalog, clock, forecastHorizon)).addTo(router);
      if (jobs != null) {
        new JobsEndpoints(jobs, new BearerToken(token)).addTo(router);
      }
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
      HttpServer http;
      if (tls == null) {
        http = HttpServer.create(address, 0);
      } else {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        http = https;
      }
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "lowcarb-api-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      CarbonAwareServer s = new CarbonAwareServer(http, pool, router, LoopbackHosts.forBinding(host));
      http.createContext("/", s::handle);
      http.setExecutor(pool);
      http.start();
      return s;
    }
  }

  /** The address bound, with the actual port when 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The server's base URI, for example {@code http://127.0.0.1:8080/} ({@code https} with TLS). */
  public URI uri() {
    InetAddress a = address().getAddress();
    String h = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    return URI.create((server instanceof HttpsServer ? "https" : "http") + "://" + h + ":" + address().getPort() + "/");
  }

  /** Stops accepting requests and ends the threads. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Response response;
      try {
        response = dispatch(exchange);
      } catch (InvalidRequestException e) {
        response = Response.problem(Problem.invalid(e));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "request failed: " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getPath(), e);
        response = Response.problem(Problem.of(500, "the server failed to answer: " + e.getClass().getSimpleName()));
      }
      write(exchange, response);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer a request", e);
    }
  }

  private Response dispatch(HttpExchange exchange) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (hosts.isPresent() && !hosts.get().allows(host, exchange.getLocalAddress().getPort())) {
      return Response.problem(Problem.of(403,
          "this server answers requests for 127.0.0.1 or localhost only, not " + (host == null ? "no Host" : host)));
    }
    String path = exchange.getRequestURI().getPath();
    Optional<Router.Match> match = router.match(path);
    if (match.isEmpty()) {
      return Response.problem(Problem.of(404, "there is no endpoint " + path));
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Endpoint endpoint = match.get().endpoints().get(method);
    if (endpoint == null) {
      String allow = Router.allow(match.get());
      return Response.problem(Problem.of(405, method + " is not allowed on " + path + "; use " + allow))
          .with("Allow", allow);
    }
    byte[] body;
    try {
      body = readBody(exchange.getRequestBody());
    } catch (IndexOutOfBoundsException e) {
      // the JDK's chunked decoder throws this for a chunk size beyond an int
      return Response.problem(Problem.of(400, "the request body's chunked encoding is malformed"));
    }
    if (body == null) {
      return Response.problem(Problem.of(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes"));
    }
    Request request = new Request(method, new QueryString(exchange.getRequestURI().getRawQuery()),
        match.get().parameters(), exchange.getRequestHeaders().getFirst("Authorization"), body);
    return endpoint.handle(request);
  }

  /** The body, or null when it is over the limit. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes = response.body() == null ? null : Json.MAPPER.writeValueAsBytes(response.body());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    if (bytes == null || head) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type",
        response.status() >= 400 ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
