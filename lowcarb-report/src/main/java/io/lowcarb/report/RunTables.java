package io.lowcarb.report;

import io.lowcarb.track.BasisText;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Run;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report's tables, as HTML: runs, energy by component, metrics. */
final class RunTables {
  private RunTables() {}

  /**
   * One row per run: id (and the run it was recorded under), kind, name, start, duration, energy
   * and CO2e with their methods and uncertainty, intensity with source, main metric, and the SCI
   * where the run has a functional unit.
   *
   * @param href a run's link, or null for none
   */
  static String runs(List<ReportRun> runs, Function<String, String> href) {
    List<RunRow> rows = runs.stream().map(r -> RunRow.of(r.run())).toList();
    Map<String, String> parents = new java.util.HashMap<>();
    runs.forEach(r -> r.run().parentId().ifPresent(p -> parents.put(r.run().id(), p)));
    boolean sci = rows.stream().anyMatch(r -> !r.sci().isEmpty());
    StringBuilder s = new StringBuilder("<table class=\"runs\">\n<thead><tr>");
    for (String h : List.of("id", "kind", "name", "status", "start", "duration", "energy", "CO2e", "intensity",
        "main metric")) {
      s.append("<th>").append(h).append("</th>");
    }
    s.append(sci ? "<th>SCI</th>" : "").append("</tr></thead>\n<tbody>\n");
    for (RunRow r : rows) {
      String link = href.apply(r.id());
      String id = link == null ? Html.escape(r.id())
          : "<a href=\"" + Html.escape(link) + "\">" + Html.escape(r.id()) + "</a>";
      String under = parents.containsKey(r.id())
          ? "<span class=\"under\">under " + Html.escape(parents.get(r.id())) + "</span>" : "";
      s.append("<tr data-run=\"").append(Html.escape(r.id())).append("\"><td class=\"id\">").append(id).append(under)
          .append("</td>");
      for (String cell : List.of(r.kind(), r.name(), r.status(), r.start(), r.duration(), r.energy(), r.emissions(),
          r.intensity(), r.mainMetric())) {
        s.append(cell(cell));
      }
      s.append(sci ? cell(r.sci()) : "").append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  /** One row per run and component: kWh with its uncertainty, method and sensor. */
  static String energy(List<ReportRun> runs) {
    StringBuilder s = new StringBuilder(
        "<table class=\"energy\">\n<thead><tr><th>run</th><th>component</th><th>energy</th><th>how</th></tr></thead>\n<tbody>\n");
    for (ReportRun r : runs) {
      List<EnergyFigure> figures = r.run().footprint().map(f -> f.energy()).orElse(List.of());
      for (EnergyFigure e : figures) {
        s.append("<tr>").append(cell(r.run().id())).append(cell(e.component()))
            .append(cell(Figures.number(e.kwh()) + " kWh " + BasisText.plusMinus(e.uncertaintyPct())))
            .append(cell(RunRow.how(e))).append("</tr>\n");
      }
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  /** One row per run: its final metrics and its parameters. */
  static String metrics(List<ReportRun> runs) {
    StringBuilder s = new StringBuilder(
        "<table class=\"metrics\">\n<thead><tr><th>run</th><th>metrics</th><th>parameters</th><th>machine</th></tr></thead>\n<tbody>\n");
    for (ReportRun r : runs) {
      Run run = r.run();
      s.append("<tr>").append(cell(run.id()))
          .append(cell(join(run.metrics(), Figures::number)))
          .append(cell(join(run.parameters(), v -> v)))
          .append(cell(run.machine().host() + ", " + run.machine().cpuModel() + ", " + run.machine().cpus() + " CPUs"
              + (run.machine().gpus().isEmpty() ? "" : ", " + String.join(", ", run.machine().gpus()))))
          .append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  private static <V> String join(Map<String, V> values, Function<V, String> text) {
    return new TreeMap<>(values).entrySet().stream()
        .map(e -> e.getKey() + " " + text.apply(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return "<td>" + Html.escape(text) + "</td>";
  }
}
