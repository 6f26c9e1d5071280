#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller (packaging/chairdesk.spec) and its .tar.gz archive, then check the
# archive: unpacked in a temporary folder, the bundle answers --version and passes its --self-test offscreen.
#   bash packaging/build_bundle.sh            -> dist/chairdesk/ and dist/chairdesk-VERSION-linux-ARCH.tar.gz
# CHAIRDESK_DIST and CHAIRDESK_BUILD choose other output and work folders; PYTHON another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || python=python3
dist=${CHAIRDESK_DIST:-dist}
work=${CHAIRDESK_BUILD:-build}
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller (the bundle extra)"
  "$python" -m pip install -q -e ".[bundle]"
fi
version=$("$python" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" packaging/chairdesk.spec
bundle="$dist/chairdesk"
# The Linux menu entry, icon and file type travel with the bundle: chairdesk/linux/install_desktop.sh.
mkdir -p "$bundle/linux"
cp packaging/linux/chairdesk.desktop packaging/linux/chairdesk-mime.xml packaging/linux/install_desktop.sh "$bundle/linux/"
archive="$dist/chairdesk-$version-linux-$(uname -m).tar.gz"
tar -C "$dist" --owner=0 --group=0 -czf "$archive" chairdesk
echo "Built $bundle ($(du -sh "$bundle" | cut -f1)) and $archive ($(du -sh "$archive" | cut -f1)) in $(( $(date +%s) - start )) s"

# The archive as a chair would get it: unpacked elsewhere, with its own settings and data folders.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -C "$scratch" -xzf "$archive"
app="$scratch/chairdesk/chairdesk"
export CHAIRDESK_CONFIG_DIR="$scratch/config" CHAIRDESK_DATA_DIR="$scratch/data"
shown=$("$app" --version)
[ "$shown" = "chairdesk $version" ] || { echo "The bundle says '$shown', not 'chairdesk $version'" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$app" --self-test
# The window itself, on the bundled sample: it must reach the screen (offscreen) and say so.
QT_QPA_PLATFORM=offscreen CHAIRDESK_EXIT_WHEN_SHOWN=1 timeout 60 "$app" --sample
echo "Bundle ready: $bundle and $archive"
