# Sourced by ./run and ./test: creates .venv and installs the project when pyproject.toml changes.
# Usage: ensure_venv "" | ensure_venv "[test]"
ensure_venv() {
  local extras="$1"
  local python="${PYTHON:-}"
  if [ -z "$python" ]; then
    for candidate in python3.11 python3; do
      if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
    done
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "• Creating the virtualenv (.venv) with $python"
    "$python" -m venv .venv
  fi
  local stamp=".venv/.installed${extras}"
  local digest
  digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "• Installing Python packages${extras:+ with $extras}"
    # This machine kind's pip config names local indexes that may be absent: drop that noise.
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip \
      2> >(grep -v "is ignored: it is neither" >&2)
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}" \
      2> >(grep -v "is ignored: it is neither" >&2)
    echo "$digest" > "$stamp"
  fi
}
