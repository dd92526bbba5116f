# Sourced by .ci/run: makes sure Debian's gcc is installed for the tests that compile the NVML
# stand-in library (lowcarb-energy's NvmlLibraryTest, lowcarb-cli's GpuMeasureTest and
# TuneCommandTest), then exports LOWCARB_REQUIRE_GCC=1 so that those tests run and may not be
# skipped. Safe to run again: an installed gcc is left as it is.

lowcarb_gcc_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

lowcarb_gcc() {
  if ! command -v gcc >/dev/null 2>&1; then
    echo "gcc: installing Debian's gcc" >&2
    # A fresh image may have no package lists yet; fetch them only when the install needs them.
    lowcarb_gcc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q gcc \
      || { lowcarb_gcc_as_root apt-get update -q \
        && lowcarb_gcc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q gcc; } \
      || { echo "gcc: cannot install gcc" >&2; return 1; }
  fi
  export LOWCARB_REQUIRE_GCC=1
  echo "gcc: $(gcc --version 2>/dev/null | head -n 1)" >&2
}
