package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.RunEnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The end of a run as {@code lowcarb measure --json} wrote it, with each figure's method and uncertainty. */
final class MeasuredJson {
  private MeasuredJson() {}

  static RunEnd end(JsonNode run, int exit, Map<String, Double> metrics) {
    List<EnergyFigure> energy = new ArrayList<>();
    for (JsonNode c : run.path("components")) {
      energy.add(new EnergyFigure(c.path("name").asText(), c.path("energy_kwh").asDouble(), c.path("method").asText(),
          c.path("sensor").asText(), c.path("uncertainty_pct").asDouble(Double.NaN)));
    }
    JsonNode i = run.path("intensity");
    Footprint f = new Footprint(energy, run.path("energy_kwh").asDouble(), run.path("emissions_kg").asDouble(),
        i.path("g_per_kwh").asDouble(), i.path("zone").asText(), i.path("source").asText(), i.path("kind").asText(),
        run.path("pue").asDouble(1));
    if (run.hasNonNull("energy_method") && run.path("uncertainty_pct").isNumber()) {
      f = f.withBasis(new EnergyBasis(EnergyBasis.Obtained.ofLabel(run.path("energy_method").asText()),
          run.path("uncertainty_pct").asDouble()));
    }
    String endText = run.path("end").asText();
    Instant end = endText.isEmpty() ? Instant.now() : Instant.parse(endText);
    RunEnd e = new RunEnd(io.lowcarb.track.RunStatus.FINISHED, end, Optional.of(f), metrics, List.of(),
        Optional.empty(), OptionalInt.of(exit), "");
    return exit == 0 ? e : e.failed("the command exited with status " + exit);
  }
}
