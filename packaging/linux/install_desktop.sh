#!/usr/bin/env bash
# Put chairdesk in the desktop's menus for this user: a launcher in ~/.local/bin, the desktop entry, the icon
# and the .chairdesk file type (application/x-chairdesk) in ~/.local/share (or $XDG_DATA_HOME).
#   bash packaging/linux/install_desktop.sh [--quiet] [PROGRAM]
# PROGRAM is what the launcher starts: by default the checkout's .venv/bin/chairdesk, or, when this script is
# the copy inside an unpacked bundle (chairdesk/linux/), that bundle's chairdesk. --quiet prints only changes.
# bash packaging/linux/install_desktop.sh --uninstall removes them again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/../chairdesk" ] && [ -d "$here/../_internal/resources" ]; then  # inside a bundle
  default_program=$(cd "$here/.." && pwd)/chairdesk
  icons="$here/../_internal/resources/icons"
else  # packaging/linux in a checkout
  root=$(cd "$here/../.." && pwd)
  default_program="$root/.venv/bin/chairdesk"
  icons="$root/resources/icons"
fi
quiet=""; uninstall=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quiet) quiet=1; shift ;;
    --uninstall) uninstall=1; shift ;;
    *) break ;;
  esac
done
program="${1:-$default_program}"
bin_dir="$HOME/.local/bin"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
launcher="$bin_dir/chairdesk"
say() { [ -n "$quiet" ] || echo "$@"; }

if [ -n "$uninstall" ]; then
  [ -L "$launcher" ] && rm -f "$launcher"
  rm -f "$data/applications/chairdesk.desktop" "$data/mime/packages/chairdesk.xml" \
        "$data/icons/hicolor/scalable/apps/chairdesk.svg" "$data/icons/hicolor/256x256/apps/chairdesk.png"
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" >/dev/null 2>&1 || true
  echo "Removed chairdesk's launcher, desktop entry, icon and file type"
  exit 0
fi
[ -x "$program" ] || { echo "install_desktop.sh: $program is not an executable chairdesk" >&2; exit 2; }
changed=()
# copy SOURCE TARGET: only when the target differs (a later start touches nothing)
place() {
  cmp -s "$1" "$2" && return 0
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.tmp"
  mv "$2.tmp" "$2"
  changed+=("$2")
}

# The launcher: a symbolic link, so it always starts this checkout's (or this bundle's) chairdesk.
if [ -e "$launcher" ] && [ ! -L "$launcher" ]; then
  echo "install_desktop.sh: $launcher exists and is not a link; left as it is" >&2
elif [ "$(readlink "$launcher" 2>/dev/null)" != "$program" ]; then
  mkdir -p "$bin_dir"; ln -sfn "$program" "$launcher"; changed+=("$launcher")
fi
entry=$(mktemp); trap 'rm -f "$entry"' EXIT
sed "s|^Exec=chairdesk %f$|Exec=\"$launcher\" %f|" "$here/chairdesk.desktop" > "$entry"
place "$entry" "$data/applications/chairdesk.desktop"
place "$icons/chairdesk.svg" "$data/icons/hicolor/scalable/apps/chairdesk.svg"
place "$icons/chairdesk.png" "$data/icons/hicolor/256x256/apps/chairdesk.png"
mime_before=${#changed[@]}
place "$here/chairdesk-mime.xml" "$data/mime/packages/chairdesk.xml"
if [ ${#changed[@]} -gt "$mime_before" ] && command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || echo "install_desktop.sh: update-mime-database failed" >&2
fi
if [ ${#changed[@]} -gt 0 ] && command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if [ ${#changed[@]} -gt 0 ]; then
  echo "Installed chairdesk for this user: $launcher, its menu entry, icon and the .chairdesk file type"
else
  say "chairdesk is already installed for this user ($launcher)"
fi
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) if [ ${#changed[@]} -gt 0 ] || [ -z "$quiet" ]; then
       echo "To start it by name, add $bin_dir to your PATH (e.g. in ~/.profile: export PATH=\"\$HOME/.local/bin:\$PATH\"), or run $launcher"
     fi ;;
esac
