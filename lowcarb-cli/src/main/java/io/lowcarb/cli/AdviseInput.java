package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.advise.MeasuredRun;
import io.lowcarb.advise.hardware.CpuCores;
import io.lowcarb.advise.hardware.Device;
import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.hardware.HardwareCatalog;
import io.lowcarb.advise.hardware.HardwareNames;
import io.lowcarb.advise.region.Region;
import io.lowcarb.energy.proc.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where {@code lowcarb advise} gets a run: the run store, the JSON of {@code lowcarb train --json}, and this machine. */
final class AdviseInput {
  private AdviseInput() {}

  /**
   * A run from the store: its energy (IT energy, before PUE) with its method and uncertainty
   * ({@link AdviseBasis#ofStored}), its duration and, unless told, its zone.
   */
  static MeasuredRun fromRun(io.lowcarb.track.Run run, Hardware ranOn, double utilisation, Optional<Region> ranIn,
      java.util.function.Function<String, Region> regionOf) {
    if (run.footprint().isEmpty() || !(run.footprint().get().kwh() > 0)) {
      throw new UsageException("run " + run.id() + " has no energy measurement" + (run.end().isEmpty() ? " (it has not ended)" : ""));
    }
    if (run.duration().isEmpty()) {
      throw new UsageException("run " + run.id() + " has no duration (an imported row without one)");
    }
    double seconds = run.duration().get().toNanos() / 1e9;
    Optional<Region> zone = ranIn.or(() -> {
      try {
        return Optional.of(regionOf.apply(run.footprint().get().zone()));
      } catch (UsageException notARegion) {
        return Optional.empty(); // a zone outside the region table: the run is not placed
      }
    });
    AdviseBasis.Found basis = AdviseBasis.ofStored(run);
    return new MeasuredRun(run.kind().label() + " run " + run.id() + " (" + run.name() + ")", run.footprint().get().kwh(),
        basis.basis(), basis.source(), seconds / 3600, ranOn, utilisation, zone);
  }

  /**
   * A run from {@code lowcarb train --json}: its total energy with its {@code energy_method} and
   * {@code uncertainty_pct} ({@link AdviseBasis#ofTrainJson}), the sum of its epochs' seconds, and
   * the zone its intensity came from.
   */
  static MeasuredRun fromTrainJson(Path file, Hardware ranOn, double utilisation, Optional<Region> ranIn,
      java.util.function.Function<String, Region> regionOf) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UsageException("cannot read --train-json " + file + ": " + e.getMessage());
    }
    if (root == null || !root.path("energy_kwh").isNumber() || root.path("energy_kwh").asDouble() <= 0) {
      throw new UsageException(file + " has no energy measurement (energy_kwh): is it the JSON of lowcarb train --json?");
    }
    double seconds = 0;
    for (JsonNode epoch : root.path("epochs")) {
      seconds += epoch.path("seconds").asDouble();
    }
    if (!(seconds > 0)) {
      throw new UsageException(file + " has no epoch durations (epochs[].seconds)");
    }
    Optional<Region> zone = ranIn.or(() -> Optional.ofNullable(root.path("intensity").path("zone").textValue()).map(regionOf));
    String label = root.path("dataset").asText("?") + " " + root.path("model").asText("?") + ", "
        + root.path("epochs_run").asInt(root.path("epochs").size()) + " epochs (" + file.getFileName() + ")";
    AdviseBasis.Found basis = AdviseBasis.ofTrainJson(root, file);
    return new MeasuredRun(label, root.path("energy_kwh").asDouble(), basis.basis(), basis.source(), seconds / 3600,
        ranOn, utilisation, zone);
  }

  /**
   * This machine's CPUs as hardware: the visible CPUs as cores (two hardware threads make one
   * core), of the CPU model {@code /proc/cpuinfo} names if the device table has it, otherwise of a
   * generic x86 core.
   */
  static CpuCores thisMachine(HardwareCatalog catalog, ProcFs proc) {
    String model = proc.cpuModel().orElse("unknown");
    int cpus = Runtime.getRuntime().availableProcessors();
    int cores = Math.max(1, cpus / Math.max(1, proc.threadsPerCore()));
    Device cpu = cpuNamed(catalog.devices().devices(), model)
        .orElseGet(() -> catalog.devices().find("generic-x86-core").orElseThrow());
    return new CpuCores(cpu, cores);
  }

  /** The table's CPU whose name appears in a {@code /proc/cpuinfo} model, for example "Intel(R) Xeon(R) Platinum 8375C CPU". */
  static Optional<Device> cpuNamed(List<Device> devices, String cpuinfoModel) {
    String model = HardwareNames.key(cpuinfoModel.replaceAll("\\((R|r|TM|tm)\\)|\\bCPU\\b|\\d+-Core|Processor", ""));
    return devices.stream()
        .filter(d -> !d.kind().accelerator() && d.name().matches(".*\\d.*"))
        .filter(d -> model.contains(HardwareNames.key(d.name())))
        .findFirst();
  }
}
