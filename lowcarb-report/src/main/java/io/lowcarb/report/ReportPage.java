package io.lowcarb.report;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A page of charts and tables over some runs: the report file, and the dashboard's run and
 * compare pages.
 *
 * @param title the page's heading
 * @param runs the runs, in table order
 * @param generated when the page was made
 * @param assets inlined (a file) or served (the dashboard)
 * @param nav HTML above the heading (the dashboard's links), or empty
 * @param href a run's link in the tables, or null for none
 */
public record ReportPage(
    String title, List<ReportRun> runs, Instant generated, Assets assets, String nav, Function<String, String> href) {
  public ReportPage {
    runs = List.copyOf(runs);
  }

  /** A self-contained report file over {@code runs}. */
  public static ReportPage file(List<ReportRun> runs, Instant generated) {
    String title = runs.size() == 1 ? "lowcarb report: " + runs.getFirst().run().name() : "lowcarb report: " + runs.size() + " runs";
    return new ReportPage(title, runs, generated, new Assets.Inline(), "", id -> null);
  }

  /** The whole page. */
  public String html() {
    List<Chart> charts = Charts.of(runs);
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n")
        .append(assets.head())
        .append("</head>\n<body>\n").append(nav)
        .append("<header><h1>").append(Html.escape(title)).append("</h1>\n<p class=\"meta\">")
        .append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(", ").append(charts.size())
        .append(charts.size() == 1 ? " chart" : " charts").append("; made by lowcarb at ")
        .append(Html.escape(Figures.time(generated))).append(". Times in UTC.</p></header>\n<main>\n");
    s.append("<section class=\"charts\">\n");
    if (charts.isEmpty()) {
      s.append("<p class=\"empty\">These runs recorded no series (power, energy, accuracy, intensity): only the tables.</p>\n");
    }
    for (int i = 0; i < charts.size(); i++) {
      Chart c = charts.get(i);
      s.append("<figure class=\"chart\" id=\"").append(ReportJson.id(i)).append("\" data-type=\"").append(c.type())
          .append("\" data-expected=\"").append(c.points()).append("\" data-expected-errors=\"").append(c.errorBars())
          .append("\">\n<h2>").append(Html.escape(c.title()))
          .append("</h2>\n<div class=\"plot\"></div>\n<figcaption>").append(Html.escape(c.caption()))
          .append("</figcaption>\n</figure>\n");
    }
    s.append("</section>\n<section>\n<h2>Runs</h2>\n").append(RunTables.runs(runs, href))
        .append("<h2>Energy by component</h2>\n").append(RunTables.energy(runs))
        .append("<h2>Metrics, parameters and machine</h2>\n").append(RunTables.metrics(runs))
        .append("</section>\n</main>\n");
    s.append("<script type=\"application/json\" id=\"lowcarb-data\">").append(ReportJson.of(charts)).append("</script>\n")
        .append(assets.scripts())
        .append("</body>\n</html>\n");
    return s.toString();
  }
}
