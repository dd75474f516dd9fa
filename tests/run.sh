#!/usr/bin/env bash
# Installs everything the test suite needs and runs it: the README's test command.
#   bash tests/run.sh [pytest args...]
# - Debian packages: chromium (browser tests) and postgresql (server-database tests), when missing
#   and we can install them (root, or passwordless sudo).
# - A virtualenv in .venv with the project and its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
  if [ "$SUDO" = none ]; then
    echo "tests/run.sh: cannot install ${need[*]} (not root); the tests that need them will be skipped" >&2
  else
    echo "tests/run.sh: installing Debian packages: ${need[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'

export GRADIO_ANALYTICS_ENABLED=False
exec .venv/bin/python -m pytest "$@"
