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
echo "Bundle ready in dist/chairdesk/"
