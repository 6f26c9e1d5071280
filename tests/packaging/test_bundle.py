"""The PyInstaller bundle, built as CI builds it: the folder, its archive, and the unpacked bundle's self-test.

Slow (a minute or two of PyInstaller); CI runs it. CHAIRDESK_SKIP_BUNDLE=1 skips it, and nothing else does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from tests.launch_support import ROOT, shown_in

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get("CHAIRDESK_SKIP_BUNDLE")), reason="CHAIRDESK_SKIP_BUNDLE is set"),
]


def test_build_bundle_makes_a_folder_and_an_archive_that_passes_its_self_test(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    dist, work = tmp_path / "dist", tmp_path / "build"
    env = {**os.environ, "PYTHON": sys.executable, "CHAIRDESK_DIST": str(dist), "CHAIRDESK_BUILD": str(work)}
    env.pop("QT_QPA_PLATFORM", None)  # build_bundle.sh runs the bundle offscreen itself
    result = subprocess.run(
        ["bash", "packaging/build_bundle.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "chairdesk self-test (frozen bundle)" in output.replace(f" {version} ", " ")
    assert "chairdesk self-test passed" in output
    shown = shown_in(result.stdout)
    assert shown.platform == "offscreen"

    bundle = dist / "chairdesk"
    internal = bundle / "_internal"
    for part in (
        "resources/samples/oewg-ict-security.chairdesk",
        "resources/icons/chairdesk.svg",
        "resources/icons/chairdesk.png",
        "pyproject.toml",
    ):
        assert (internal / part).is_file(), part
    for part in ("chairdesk.desktop", "chairdesk-mime.xml", "install_desktop.sh"):
        assert (bundle / "linux" / part).is_file(), part
    archives = list(dist.glob(f"chairdesk-{version}-linux-*.tar.gz"))
    assert len(archives) == 1
    with tarfile.open(archives[0]) as archive:
        names = set(archive.getnames())
    assert {"chairdesk/chairdesk", "chairdesk/_internal/resources/icons/chairdesk.png"} <= names
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle {size / 2**20:.0f} MiB, archive {archives[0].stat().st_size / 2**20:.0f} MiB")
