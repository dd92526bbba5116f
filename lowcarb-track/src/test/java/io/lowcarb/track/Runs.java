package io.lowcarb.track;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs for tests. */
final class Runs {
  private Runs() {}

  static RunStart start(RunKind kind, String name, Instant at) {
    return new RunStart(
        kind, name, "lowcarb " + kind.label() + " " + name, Map.of("epochs", "3", "zone", "ES"), at,
        new Machine("host-a", "Test CPU", 8, 16L << 30, List.of(), "Linux 6.1 amd64"), "accuracy");
  }

  static Footprint footprint(double kwh, double gPerKwh) {
    return new Footprint(
        List.of(new EnergyFigure("cpu", kwh * 0.8, "rapl", "rapl:package-0"),
            new EnergyFigure("ram", kwh * 0.2, "estimate", "ram-model")),
        kwh, kwh * gPerKwh * 1.2 / 1000, gPerKwh, "ES", "built-in table", "average", 1.2);
  }
}
