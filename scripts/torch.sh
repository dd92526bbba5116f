# Sourced by the bench/ scripts that run PyTorch: sets py to a Python that imports torch
# ($PYTHON, then python3, then Debian's /usr/bin/python3), or exits with how to install it.
lowcarb_find_torch_python() {
  py=""
  for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
    if "$candidate" -c "import torch" 2>/dev/null; then py=$candidate; return 0; fi
  done
  echo "$1 needs PyTorch: apt-get install python3-torch (or set PYTHON)" >&2
  exit 2
}
