package io.lowcarb.schedule.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server on 127.0.0.1 and a free port that replays canned responses per path and
 * records every request it gets.
 */
final class ReplayServer implements AutoCloseable {

  /** A request as the server saw it. */
  record Seen(String method, String path, Map<String, String> query, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  /** An answer: status, headers and body; {@code delayMillis} before answering. */
  record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply json(String body) {
      return new Reply(200, Map.of("Content-Type", "application/json"), body, 0);
    }

    static Reply status(int status) {
      return new Reply(status, Map.of(), "{\"message\":\"status " + status + "\"}", 0);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, delayMillis);
    }

    Reply delayed(long millis) {
      return new Reply(status, headers, body, millis);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
  private final Map<String, Reply> fixed = new ConcurrentHashMap<>();
  private final Map<String, Function<Seen, Reply>> dynamic = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  ReplayServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL plus {@code path}: {@code http://127.0.0.1:PORT/v3}. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Always answers {@code reply} on {@code path}, once any queued replies are used up. */
  ReplayServer on(String path, Reply reply) {
    fixed.put(path, reply);
    return this;
  }

  /** Answers these replies, in order, on {@code path}, then falls back to {@link #on}. */
  ReplayServer queue(String path, Reply... replies) {
    queued.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** Answers each request on {@code path} with a reply built from it. */
  ReplayServer answer(String path, Function<Seen, Reply> reply) {
    dynamic.put(path, reply);
    return this;
  }

  /** Every request so far. */
  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** The requests on {@code path}. */
  List<Seen> seen(String path) {
    return seen().stream().filter(s -> s.path().equals(path)).toList();
  }

  /** A canned response from {@code src/test/resources/provider/}. */
  static String resource(String name) {
    try (InputStream in = ReplayServer.class.getResourceAsStream("/provider/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource provider/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      Seen request = new Seen(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()), headers);
      seen.add(request);
      Reply reply = pick(request);
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The client gave up (a timeout test): nothing to answer.
    }
  }

  private Reply pick(Seen request) {
    Deque<Reply> q = queued.get(request.path());
    if (q != null) {
      synchronized (q) {
        if (!q.isEmpty()) {
          return q.poll();
        }
      }
    }
    Function<Seen, Reply> f = dynamic.get(request.path());
    if (f != null) {
      return f.apply(request);
    }
    return fixed.getOrDefault(request.path(), new Reply(404, Map.of(), "{\"error\":\"no route " + request.path() + "\"}", 0));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
