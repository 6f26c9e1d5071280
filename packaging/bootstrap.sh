#!/usr/bin/env bash
# Set up chairdesk on a fresh Debian/Ubuntu machine, then start it or test it.
#   bash packaging/bootstrap.sh run    install, then open the bundled sample session in the window
#   bash packaging/bootstrap.sh test   install (with LibreOffice and Xvfb for the tests), then run the suite
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"; shift || true

# Qt's runtime libraries (and, for the tests, LibreOffice to open what we export, Xvfb for screenshots).
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
          libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
          libxcb-image0 fonts-dejavu-core)
if [ "$mode" = test ]; then packages+=(libreoffice-writer python3-uno xvfb xauth poppler-utils); fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$python" -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"

case "$mode" in
  run)  exec .venv/bin/chairdesk --sample "$@" ;;
  test) export CHAIRDESK_REQUIRE_LIBREOFFICE=1  # LibreOffice was installed above: its tests must run
        .venv/bin/ruff check . && exec .venv/bin/python -m pytest -q "$@" ;;
  *)    echo "usage: bash packaging/bootstrap.sh run|test" >&2; exit 2 ;;
esac
