package io.lowcarb.cli;

import io.lowcarb.energy.EnergyBasis;
import java.util.Optional;

/** How an energy figure was obtained, in the words the summaries print beside it. */
final class BasisText {
  private BasisText() {}

  /** "estimated +/-30 %"; for a figure of no energy, which has no basis, "nothing counted". */
  static String of(Optional<EnergyBasis> basis) {
    return basis.map(EnergyBasis::toString).orElse("nothing counted");
  }
}
