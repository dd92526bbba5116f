package io.lowcarb.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the scan says about domains that are there but cannot be used, and what it leaves out. */
class PowercapProblemsTest {
  @TempDir Path root;

  @BeforeEach
  void laptop() throws IOException {
    domain("intel-rapl:0", "package-0", "123456\n", "262143328850\n");
    domain("intel-rapl:0:0", "core", "1000\n", "262143328850\n");
    domain("intel-rapl:0:1", "dram", "2000\n", "262143328850\n");
    domain("intel-rapl:1", "package-1", "3000\n", "262143328850\n");
    domain("intel-rapl-mmio:0", "psys", "4000\n", "262143328850\n");
  }

  private void domain(String id, String name, String energy, String max) throws IOException {
    Path d = Files.createDirectories(root.resolve(id));
    Files.writeString(d.resolve("name"), name + "\n");
    if (energy != null) {
      Files.writeString(d.resolve("energy_uj"), energy);
    }
    if (max != null) {
      Files.writeString(d.resolve("max_energy_range_uj"), max);
    }
  }

  private Map<String, RaplDomain> scan(SysfsReader reader) {
    return Powercap.scan(root, reader).stream().collect(Collectors.toMap(RaplDomain::id, Function.identity()));
  }

  @Test
  void kindsAndSocketsFollowTheDirectoryAndNameFiles() {
    Map<String, RaplDomain> d = scan(SysfsReader.FILES);
    assertThat(d.get("intel-rapl:0").kind()).isEqualTo(RaplDomain.Kind.PACKAGE);
    assertThat(d.get("intel-rapl:0:0").kind()).isEqualTo(RaplDomain.Kind.SUBDOMAIN);
    assertThat(d.get("intel-rapl:0:1").kind()).isEqualTo(RaplDomain.Kind.DRAM);
    assertThat(d.get("intel-rapl-mmio:0").kind()).isEqualTo(RaplDomain.Kind.PSYS);
    assertThat(d.get("intel-rapl:0:1").socket()).isZero();
    assertThat(d.get("intel-rapl:1").socket()).isEqualTo(1);
    assertThat(d.get("intel-rapl:0").name()).isEqualTo("package-0"); // trimmed
    assertThat(d.get("intel-rapl:0").directory()).isEqualTo(root.resolve("intel-rapl:0"));
  }

  @Test
  void theOrderIsSortedByIdWhateverTheDirectoryOrder() {
    List<String> ids = Powercap.scan(root).stream().map(RaplDomain::id).toList();
    assertThat(ids).isSorted().hasSize(5);
  }

  @Test
  void aDeniedDramCounterIsUnreadableWithAPermissionProblemWhileThePackageIsFine() {
    SysfsReader rootOnly = file -> {
      if (file.equals(root.resolve("intel-rapl:0:1/energy_uj"))) {
        throw new AccessDeniedException(file.toString());
      }
      return Files.readString(file);
    };
    Map<String, RaplDomain> d = scan(rootOnly);
    assertThat(d.get("intel-rapl:0").readable()).isTrue();
    assertThat(d.get("intel-rapl:0:1").readable()).isFalse();
    assertThat(d.get("intel-rapl:0:1").problem().orElseThrow())
        .contains("intel-rapl:0:1/energy_uj").contains("permission");
  }

  @Test
  void otherReadErrorsAndGarbageAreReportedAsSuch() throws IOException {
    Files.writeString(root.resolve("intel-rapl:1/energy_uj"), "not a number\n");
    SysfsReader flaky = file -> {
      if (file.equals(root.resolve("intel-rapl:0:0/energy_uj"))) {
        throw new IOException("Input/output error");
      }
      return Files.readString(file);
    };
    Map<String, RaplDomain> d = scan(flaky);
    assertThat(d.get("intel-rapl:1").problem()).hasValueSatisfying(p -> assertThat(p).contains("does not hold a number"));
    assertThat(d.get("intel-rapl:0:0").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("cannot be read").contains("Input/output error"));
  }

  @Test
  void aCounterWithoutAUsableRangeCannotBeUsed() throws IOException {
    Files.delete(root.resolve("intel-rapl:1/max_energy_range_uj"));
    Files.writeString(root.resolve("intel-rapl:0:1/max_energy_range_uj"), "0\n");
    Map<String, RaplDomain> d = scan(SysfsReader.FILES);
    assertThat(d.get("intel-rapl:1").readable()).isFalse();
    assertThat(d.get("intel-rapl:1").problem().orElseThrow()).contains("max_energy_range_uj");
    assertThat(d.get("intel-rapl:0:1").readable()).isFalse();
  }

  @Test
  void directoriesThatAreNotDomainsAreLeftOut() throws IOException {
    Files.createDirectories(root.resolve("intel-rapl")); // the control type: no name file
    Files.createDirectories(root.resolve("intel-rapl:2")); // no name file either
    domain("dtpm:0", "dtpm", "1\n", "1\n"); // another powercap driver
    assertThat(Powercap.scan(root)).extracting(RaplDomain::id)
        .containsExactly("intel-rapl-mmio:0", "intel-rapl:0", "intel-rapl:0:0", "intel-rapl:0:1", "intel-rapl:1");
  }

  @Test
  void aRootThatIsNotADirectoryHasNoDomains() throws IOException {
    assertThat(Powercap.scan(Files.writeString(root.resolve("file"), "x"))).isEmpty();
  }
}
