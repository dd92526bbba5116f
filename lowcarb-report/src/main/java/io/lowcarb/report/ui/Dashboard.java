package io.lowcarb.report.ui;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import io.lowcarb.energy.net.LoopbackHosts;
import io.lowcarb.report.Assets;
import io.lowcarb.report.ReportPage;
import io.lowcarb.report.ReportRun;
import io.lowcarb.report.RunSource;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.UnknownRunException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;

/**
 * The local dashboard: {@code /} lists runs with filters, {@code /runs/ID} shows one run's charts
 * and tables, {@code /compare?id=A&id=B} shows several side by side, as the report does. Reads
 * only; serves the chart library itself, so it works offline.
 */
public final class Dashboard implements AutoCloseable {
  /** Runs compared at most on one page. */
  static final int MAX_COMPARED = 50;

  private final Javalin app;
  private final URI uri;

  private Dashboard(Javalin app, URI uri) {
    this.app = app;
    this.uri = uri;
  }

  /**
   * Starts serving {@code runs} on {@code host}:{@code port}.
   *
   * @param store the store's description, shown on every page
   * @param port a TCP port, or 0 for a free one
   * @throws BindException when the address is in use or cannot be bound
   */
  public static Dashboard start(RunSource runs, String store, String host, int port, InstantSource clock)
      throws BindException {
    probe(host, port);
    Routes routes = new Routes(runs, store, clock);
    Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
    LoopbackHosts.forBinding(host).ifPresent(hosts -> app.before(ctx -> {
      if (!hosts.allows(ctx.header("Host"), ctx.req().getLocalPort())) {
        ctx.status(403).html(Pages.problem("Refused", store,
            "this dashboard answers requests for 127.0.0.1 or localhost only, not " + ctx.header("Host")));
        ctx.skipRemainingHandlers();
      }
    }));
    app.get("/", routes::list);
    app.get("/runs/{id}", routes::run);
    app.get("/compare", routes::compare);
    app.get(Pages.ASSETS + "/{name}", Routes::asset);
    app.exception(UnknownRunException.class, (e, ctx) -> ctx.status(404).html(Pages.problem("No such run", store, e.getMessage())));
    app.exception(BadRequestResponse.class, (e, ctx) -> ctx.status(400).html(Pages.problem("Bad request", store, e.getMessage())));
    app.error(404, ctx -> {
      if (ctx.result() == null) {
        ctx.html(Pages.problem("Not found", store, "nothing at " + ctx.path()));
      }
    });
    try {
      app.start(host, port);
    } catch (JavalinBindException e) {
      app.stop();
      BindException b = new BindException("cannot serve on " + host + ":" + port + ": " + e.getMessage());
      b.initCause(e);
      throw b;
    }
    String h = host.contains(":") ? "[" + host + "]" : host;
    return new Dashboard(app, URI.create("http://" + h + ":" + app.port() + "/"));
  }

  /**
   * Binds and frees {@code host}:{@code port} first: Javalin logs a failed start as an error
   * before it throws, and a port in use or a host that does not resolve deserves one clear line. (Another process may still take
   * the port in between; then Javalin's error is logged too.)
   */
  private static void probe(String host, int port) throws BindException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // as Jetty does: a port in TIME_WAIT is free
      s.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      BindException b = new BindException("cannot serve on " + host + ":" + port + ": " + e.getMessage());
      b.initCause(e);
      throw b;
    }
  }

  /** Where it serves, for example {@code http://127.0.0.1:8642/}. */
  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    app.stop();
  }

  /** The handlers, over one run source. */
  private record Routes(RunSource runs, String store, InstantSource clock) {
    void list(Context ctx) {
      RunsQuery q = new RunsQuery(ctx.queryParam("kind"), ctx.queryParam("name"), ctx.queryParam("since"));
      RunFilter filter;
      try {
        filter = q.filter();
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse(e.getMessage());
      }
      ctx.html(Pages.page("Runs", store, RunsPage.body(q, runs.list(filter))));
    }

    void run(Context ctx) {
      ReportRun r = runs.get(ctx.pathParam("id"));
      page(ctx, "Run " + r.run().id() + ": " + r.run().name(), List.of(r));
    }

    void compare(Context ctx) {
      List<String> ids = ctx.queryParams("id").stream().filter(s -> !s.isBlank()).distinct().toList();
      if (ids.isEmpty()) {
        throw new BadRequestResponse("tick at least one run to compare (or give ?id=A&id=B)");
      }
      if (ids.size() > MAX_COMPARED) {
        throw new BadRequestResponse("compare at most " + MAX_COMPARED + " runs at once, not " + ids.size());
      }
      page(ctx, "Comparing " + ids.size() + " runs", ids.stream().map(runs::get).toList());
    }

    private void page(Context ctx, String title, List<ReportRun> shown) {
      ctx.html(new ReportPage(title, shown, clock.instant(), new Assets.Served(Pages.ASSETS), Pages.nav(store),
          id -> "/runs/" + id).html());
    }

    static void asset(Context ctx) {
      String name = ctx.pathParam("name");
      String type = switch (name) {
        case Assets.CHART_LIBRARY, Assets.SCRIPT -> "text/javascript; charset=utf-8";
        case Assets.STYLE -> "text/css; charset=utf-8";
        default -> null;
      };
      if (type == null) {
        ctx.status(404).html(Pages.problem("Not found", "", "no asset " + name));
        return;
      }
      ctx.contentType(type).header("Cache-Control", "max-age=3600").result(Assets.bytes(name));
    }
  }
}
