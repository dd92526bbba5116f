package io.lowcarb.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.EnergyBasis.Obtained;
import io.lowcarb.energy.EnergyBasis.Part;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** One word and one uncertainty for a figure made of components, parts or factors. */
class EnergyBasisTest {
  private static ComponentEnergy c(Component component, double joules, Method method, double pct) {
    return new ComponentEnergy(component, joules, 0, method, pct, "test");
  }

  @Test
  void raplCpuAndEstimatedRamAreMixedAndTheirUncertaintiesAddInQuadrature() {
    EnergyBasis b = EnergyBasis.of(List.of(c(Component.CPU, 30, Method.RAPL, 10), c(Component.RAM, 40, Method.ESTIMATE, 40)));
    assertThat(b.method()).isEqualTo(Obtained.MIXED);
    // sqrt(3^2 + 16^2) / 70 = 16.279 / 70
    assertThat(b.uncertaintyPct()).isCloseTo(100 * Math.sqrt(9 + 256) / 70, within(1e-9));
  }

  @Test
  void estimatesAndOverridesAreEstimatedAndSensorsAreMeasured() {
    assertThat(EnergyBasis.of(List.of(c(Component.CPU, 5, Method.ESTIMATE, 30), c(Component.RAM, 1, Method.OVERRIDE, 25))).method())
        .isEqualTo(Obtained.ESTIMATED);
    assertThat(EnergyBasis.of(List.of(c(Component.CPU, 5, Method.RAPL, 10), c(Component.GPU, 50, Method.NVML, 5))).method())
        .isEqualTo(Obtained.MEASURED);
  }

  @Test
  void aComponentWithoutEnergyDoesNotMakeAFigureMixed() {
    EnergyBasis b = EnergyBasis.of(List.of(c(Component.CPU, 5, Method.RAPL, 10), c(Component.GPU, 0, Method.ESTIMATE, 50)));
    assertThat(b.method()).isEqualTo(Obtained.MEASURED);
    assertThat(b.uncertaintyPct()).isCloseTo(10, within(1e-12));
    // nothing measured yet: the components' methods and the widest uncertainty
    EnergyBasis none = EnergyBasis.of(List.of(c(Component.CPU, 0, Method.ESTIMATE, 30), c(Component.RAM, 0, Method.ESTIMATE, 40)));
    assertThat(none).isEqualTo(new EnergyBasis(Obtained.ESTIMATED, 40));
  }

  @Test
  void partsOfOneRunShareTheSensorsErrorAndIndependentRunsDoNot() {
    List<Part> epochs = List.of(new Part(6, new EnergyBasis(Obtained.ESTIMATED, 30)), new Part(6, new EnergyBasis(Obtained.ESTIMATED, 30)));
    assertThat(EnergyBasis.sumOfParts(epochs).uncertaintyPct()).isCloseTo(30, within(1e-12));
    assertThat(EnergyBasis.sumOfIndependent(epochs).uncertaintyPct()).isCloseTo(30 / Math.sqrt(2), within(1e-12));
    List<Part> clients = List.of(new Part(1, new EnergyBasis(Obtained.MEASURED, 10)), new Part(3, new EnergyBasis(Obtained.ESTIMATED, 30)));
    assertThat(EnergyBasis.sumOfIndependent(clients).method()).isEqualTo(Obtained.MIXED);
  }

  @Test
  void aFactorWithItsOwnUncertaintyAddsInQuadrature() {
    assertThat(new EnergyBasis(Obtained.GIVEN, 30).times(40)).isEqualTo(new EnergyBasis(Obtained.GIVEN, 50));
    assertThat(new EnergyBasis(Obtained.MEASURED, 10).toString()).isEqualTo("measured +/-10 %");
  }

  @Test
  void labelsReadBackAndBadValuesAreRefused() {
    for (Obtained o : Obtained.values()) {
      assertThat(Obtained.ofLabel(o.label())).isEqualTo(o);
    }
    assertThatThrownBy(() -> Obtained.ofLabel("guessed")).hasMessageContaining("measured, estimated, mixed or given");
    assertThatThrownBy(() -> new EnergyBasis(Obtained.MEASURED, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnergyBasis.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void theSumOfIndependentFiguresIsNeverLessCertainThanItsPartsTogether(
      @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 0.01, max = 1e6) Double> values,
      @ForAll @DoubleRange(min = 0, max = 100) double pct) {
    List<Part> parts = values.stream().map(v -> new Part(v, new EnergyBasis(Obtained.ESTIMATED, pct))).toList();
    double independent = EnergyBasis.sumOfIndependent(parts).uncertaintyPct();
    double shared = EnergyBasis.sumOfParts(parts).uncertaintyPct();
    assertThat(independent).isLessThanOrEqualTo(shared + 1e-9);
    assertThat(shared).isCloseTo(pct, within(1e-6));
  }
}
