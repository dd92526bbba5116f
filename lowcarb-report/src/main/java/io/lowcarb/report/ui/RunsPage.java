package io.lowcarb.report.ui;

import io.lowcarb.report.Html;
import io.lowcarb.report.RunRow;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunKind;
import java.util.List;

/**
 * The runs list: filters by kind, name and start, and a form to compare the runs ticked. A run
 * reads by the first 12 characters of its id, links to its page by the whole id, and its energy
 * and CO2e carry their method and uncertainty.
 */
final class RunsPage {
  private RunsPage() {}

  /** The body of the list of {@code runs}, found with {@code query}. */
  static String body(RunsQuery query, List<Run> runs) {
    StringBuilder s = new StringBuilder();
    s.append("<form class=\"filters\" method=\"get\" action=\"/\">\n<label>kind<select name=\"kind\">")
        .append(option("", "all", query.kind()));
    for (RunKind k : RunKind.values()) {
      s.append(option(k.label(), k.label(), query.kind()));
    }
    s.append("</select></label>\n<label>name contains<input name=\"name\" value=\"").append(Html.escape(query.name()))
        .append("\"></label>\n<label>started since<input name=\"since\" placeholder=\"2026-11-25\" value=\"")
        .append(Html.escape(query.since())).append("\"></label>\n<button type=\"submit\">Filter</button>\n</form>\n");
    if (runs.isEmpty()) {
      return s.append("<p class=\"empty\">No runs match. lowcarb measure, train, compress, infer and schedule run ")
          .append("record theirs in the store.</p>\n").toString();
    }
    s.append("<p class=\"meta\">").append(runs.size()).append(runs.size() == RunsQuery.LIMIT ? "+ runs (the newest " + RunsQuery.LIMIT + ")" : " run(s)")
        .append(", newest first. Tick runs to compare them.</p>\n")
        .append("<form method=\"get\" action=\"/compare\">\n<table class=\"runs\" id=\"runs\">\n<thead><tr><th></th>");
    for (String h : List.of("id", "kind", "name", "status", "start", "duration", "energy", "CO2e", "main metric")) {
      s.append("<th>").append(h).append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    for (Run run : runs) {
      RunRow r = RunRow.of(run);
      String id = Html.escape(r.id());
      s.append("<tr data-run=\"").append(id).append("\"><td><input type=\"checkbox\" name=\"id\" value=\"").append(id)
          .append("\"></td><td class=\"id\"><a href=\"/runs/").append(id).append("\" title=\"").append(id).append("\">")
          .append(Html.escape(run.shortId())).append("</a></td>");
      for (String cell : List.of(r.kind(), r.name(), r.status(), r.start(), r.duration(), r.energy(), r.emissions(),
          r.mainMetric())) {
        s.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      s.append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n<p><button type=\"submit\">Compare the ticked runs</button></p>\n</form>\n")
        .toString();
  }

  private static String option(String value, String text, String chosen) {
    return "<option value=\"" + Html.escape(value) + "\"" + (value.equals(chosen) ? " selected" : "") + ">"
        + Html.escape(text) + "</option>";
  }
}
