#!/usr/bin/env bash
# Set up chairdesk on a fresh Debian/Ubuntu machine, then start it or test it.
#   bash packaging/bootstrap.sh run    install (first time only), then open the bundled sample session
#   bash packaging/bootstrap.sh test   install (with LibreOffice, Xvfb and PyInstaller for the tests), run the suite
# Python packages are installed into .venv/ only when something is missing or pyproject.toml changed (a stamp
# in .venv/ holds pyproject.toml's SHA-256), so every later start works offline. `run` also puts a launcher
# in ~/.local/bin/chairdesk, and the desktop entry, icon and .chairdesk file type in ~/.local/share
# (CHAIRDESK_NO_DESKTOP=1 skips both).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode="${1:-run}"; shift || true
case "$mode" in run|test) ;; *) echo "usage: bash packaging/bootstrap.sh run|test" >&2; exit 2 ;; esac

# Qt's runtime libraries (and, for the tests, LibreOffice to open what we export, Xvfb for screenshots).
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
          libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
          libxcb-image0 fonts-dejavu-core)
if [ "$mode" = test ]; then packages+=(libreoffice-writer python3-uno xvfb xauth poppler-utils shared-mime-info); fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
  for p in "${packages[@]}"; do
    grep -q "^$p install ok installed$" <<<"$installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# chairdesk and its Python packages: only when the venv, a package or the stamp is missing, or pyproject changed.
want=(); [ "$mode" = test ] && want=(test bundle)
stamp=.venv/.chairdesk-installed
hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
have_hash=""; have_extras=""
[ -f "$stamp" ] && read -r have_hash have_extras < "$stamp" || true
up_to_date() {
  [ -x .venv/bin/python ] && [ -x .venv/bin/chairdesk ] && [ "$have_hash" = "$hash" ] || return 1
  local extra
  for extra in "${want[@]}"; do [[ ",$have_extras," == *",$extra,"* ]] || return 1; done
  # every package is still there, and chairdesk is this checkout's (no import: that would cost a second)
  .venv/bin/python - "$root" <<'EOF' 2>/dev/null
import importlib.util, pathlib, sys
names = ["PySide6", "shiboken6", "docx", "diff_match_patch", "sqlite_utils", "platformdirs", "matplotlib"]
if any(importlib.util.find_spec(name) is None for name in names):
    sys.exit(1)
if not list(pathlib.Path(importlib.util.find_spec("PySide6").origin).parent.glob("QtWidgets.*")):
    sys.exit(1)
spec = importlib.util.find_spec("chairdesk")
sys.exit(0 if spec and pathlib.Path(spec.origin).resolve().parent.parent == pathlib.Path(sys.argv[1]) else 1)
EOF
}
if ! up_to_date; then
  # the extras asked for now, and those installed before (a later `run` keeps what `test` installed)
  extras=$(printf '%s\n' "${want[@]}" ${have_extras//,/ } | { grep -v '^$' || true; } | sort -u | paste -sd, -)
  python=${PYTHON:-python3}
  if [ ! -x .venv/bin/python ]; then "$python" -m venv .venv; fi
  echo "Installing chairdesk${extras:+ [$extras]} and its Python packages into .venv/"
  rm -f "$stamp"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
  echo "$hash $extras" > "$stamp"
fi

case "$mode" in
  run)  if [ -z "${CHAIRDESK_NO_DESKTOP:-}" ]; then bash packaging/linux/install_desktop.sh --quiet "$root/.venv/bin/chairdesk"; fi
        exec .venv/bin/chairdesk --sample "$@" ;;
  test) export CHAIRDESK_REQUIRE_LIBREOFFICE=1  # LibreOffice was installed above: its tests must run
        .venv/bin/ruff check . && exec .venv/bin/python -m pytest -q "$@" ;;
esac
