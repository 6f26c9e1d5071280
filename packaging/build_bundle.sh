#!/usr/bin/env bash
# Build the installable one-folder bundle with PyInstaller, then check that it starts and reads its sample.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || python=python3
"$python" -m pip install -q pyinstaller
"$python" -m PyInstaller --noconfirm --distpath dist --workpath build packaging/chairdesk.spec
# The bundle must answer on the command line and find its bundled sample session.
dist/chairdesk/chairdesk info "dist/chairdesk/_internal/resources/samples/oewg-ict-security.chairdesk" \
  || dist/chairdesk/chairdesk info "dist/chairdesk/resources/samples/oewg-ict-security.chairdesk"
# The window must start and keep running on its sample (under Xvfb when there is no screen).
if command -v xvfb-run >/dev/null 2>&1 && [ -z "${DISPLAY:-}" ]; then run=(xvfb-run -a); else run=(); fi
scratch=$(mktemp -d)
set +e
CHAIRDESK_CONFIG_DIR="$scratch/config" CHAIRDESK_DATA_DIR="$scratch/data" timeout 10 "${run[@]}" dist/chairdesk/chairdesk --sample
status=$?
set -e
[ "$status" -eq 124 ] || { echo "The bundled window did not keep running (exit $status)" >&2; exit 1; }
echo "Bundle ready in dist/chairdesk/"
