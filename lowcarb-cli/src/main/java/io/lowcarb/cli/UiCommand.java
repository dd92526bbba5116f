package io.lowcarb.cli;

import io.lowcarb.energy.net.ListenAddress;
import io.lowcarb.report.RunSource;
import io.lowcarb.report.ui.Dashboard;
import io.lowcarb.track.RunStore;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lowcarb ui}: a local web dashboard over the run store, until interrupted. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a dashboard over the run store: runs with filters, a run's charts and tables, several runs",
      "compared. Reads only. Stops on Ctrl-C or SIGTERM."
    })
final class UiCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Option(names = "--port", defaultValue = "8642", paramLabel = "PORT", description = "Default 8642; 0 picks a free one.")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Default 127.0.0.1. The dashboard has no login: other hosts show the runs to anyone who can reach them.")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, got " + port);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!ListenAddress.of(host).loopback()) {
      err.println("ui: warning: serving on " + host + ": anyone who can reach it can read the runs (there is no login)");
    }
    RunStore runs = store.open();
    Dashboard dashboard;
    try {
      dashboard = Dashboard.start(RunSource.of(runs), runs.url(), host, port, InstantSource.system());
    } catch (BindException e) {
      runs.close();
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("ui: the runs of " + runs.url() + " on " + dashboard.uri() + " (Ctrl-C stops)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM does not wait for this thread once the hooks are done: stop everything in the hook.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dashboard.close();
      runs.close();
      stopped.countDown();
    }, "lowcarb-ui-stop"));
    stopped.await();
    return 0;
  }
}
