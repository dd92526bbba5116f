# Sourced by .ci/run: makes sure Debian's chromium is installed for the report's and the
# dashboard's browser tests, then exports LOWCARB_REQUIRE_CHROMIUM=1 so that those tests run
# and may not be skipped. Safe to run again: an installed chromium is left as it is.

lowcarb_chromium_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

lowcarb_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium: installing Debian's chromium" >&2
    # A fresh image may have no package lists yet; fetch them only when the install needs them.
    lowcarb_chromium_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
      || { lowcarb_chromium_as_root apt-get update -q \
        && lowcarb_chromium_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
      || { echo "chromium: cannot install chromium" >&2; return 1; }
  fi
  export LOWCARB_REQUIRE_CHROMIUM=1
  echo "chromium: $(chromium --version 2>/dev/null | head -n 1)" >&2
}
