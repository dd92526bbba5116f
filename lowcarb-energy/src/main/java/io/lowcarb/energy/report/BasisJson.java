package io.lowcarb.energy.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.EnergyBasis;
import java.io.IOException;

/** The two fields that go beside every energy or CO2e figure in lowcarb's JSON. */
public final class BasisJson {
  private BasisJson() {}

  /** Writes {@code energy_method} and {@code uncertainty_pct} into the object being written. */
  public static void write(JsonGenerator g, EnergyBasis basis) throws IOException {
    g.writeStringField("energy_method", basis.method().label());
    g.writeNumberField("uncertainty_pct", basis.uncertaintyPct());
  }
}
