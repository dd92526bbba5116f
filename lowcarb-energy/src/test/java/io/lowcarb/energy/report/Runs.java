package io.lowcarb.energy.report;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.IntensityUsed;
import io.lowcarb.energy.MachineInfo;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.Scope;
import io.lowcarb.energy.carbon.IntensityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** Runs with round figures, for the writers' tests. */
final class Runs {
  static final UUID ID = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000042");
  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  private Runs() {}

  /** 200 s; CPU 7200 J (RAPL), RAM 720 J (estimate); 400 gCO2e/kWh, PUE 1.25. */
  static RunRecord run(boolean complete, String cpuModel, RunRecord.Location location) {
    ComponentEnergy cpu = new ComponentEnergy(Component.CPU, 7200, 36, Method.RAPL, 10, "rapl:package-0");
    ComponentEnergy ram = new ComponentEnergy(Component.RAM, 720, 3.6, Method.ESTIMATE, 40, "estimate:ram");
    ComponentEnergy machineCpu = new ComponentEnergy(Component.CPU, 14400, 72, Method.RAPL, 10, "rapl:package-0");
    double kwh = (7200 + 720) / 3.6e6;
    EnergyReport report = new EnergyReport("python train.py", START, START.plusSeconds(200), Duration.ofSeconds(200),
        Scope.PROCESS, List.of(cpu, ram), List.of(machineCpu, ram), kwh * 400 * 1.25, 2 * kwh * 400 * 1.25,
        new IntensityUsed(400, location.zone(), "Electricity Maps export ES_2022_hourly.csv (lca)", IntensityKind.SERIES),
        1.25, 0.5, 8e9, complete, List.of(), List.of("RAM energy is estimated"));
    MachineInfo machine = new MachineInfo(cpuModel, 16, 32_000_000_000L, List.of("NVIDIA A100", "NVIDIA A100", "NVIDIA T4"),
        "Linux-6.8.0-amd64", "25.0.1+9");
    return new RunRecord(ID, "lowcarb", "exp-1", List.of("python", "train.py", "--epochs", "3"),
        complete ? OptionalInt.of(0) : OptionalInt.empty(), report, machine, location);
  }

  static RunRecord run(boolean complete) {
    return run(complete, "AMD EPYC 7763 64-Core Processor", spain());
  }

  static RunRecord.Location spain() {
    return new RunRecord.Location("ES", "ES", "Spain", "", "", "");
  }
}
