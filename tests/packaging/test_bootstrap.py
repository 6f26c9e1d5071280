"""`bash packaging/bootstrap.sh run` a second time: nothing is installed, no network is needed, the window comes up.

The first run installs whatever is missing (with the network, the first time on a machine; at once when
`bootstrap.sh test` has just installed everything). The second runs with the package index pointed at a
closed port, every proxy closed, pip's own configuration ignored and, where the kernel allows it, in a network
namespace with no network at all (unshare -rn): if it tried to install anything, it would fail.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.launch_support import ROOT, screen_config, shown_in

CLOSED = "http://127.0.0.1:9/simple"  # the discard port: nothing listens there
OFFLINE = {
    "PIP_INDEX_URL": CLOSED,
    "PIP_EXTRA_INDEX_URL": CLOSED,
    "PIP_FIND_LINKS": "",
    "PIP_CONFIG_FILE": os.devnull,
    "PIP_RETRIES": "0",
    "PIP_DEFAULT_TIMEOUT": "2",
    **{name: "http://127.0.0.1:9" for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")},
}


def _no_network_prefix() -> list[str]:
    """`unshare -rn` (a namespace with no network) when this kernel lets us, else nothing."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    ):
        return ["unshare", "-rn"]
    return []


def _bootstrap_run(env: dict[str, str], prefix: list[str] = ()) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = subprocess.run(
        [*prefix, "bash", "packaging/bootstrap.sh", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,  # the first run on a machine installs PySide6 and the rest
    )
    return result, time.monotonic() - start


@pytest.fixture
def chair_env(tmp_path: Path) -> dict[str, str]:
    """A chair's session: their own home (the launcher goes there), no display but an offscreen 1280×800 one."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / ".local" / "share"),
        CHAIRDESK_EXIT_WHEN_SHOWN="1",
        QT_QPA_PLATFORM=screen_config(tmp_path, 1280, 800),
    )
    return env


def test_second_start_is_offline_and_shows_the_window(chair_env: dict[str, str]) -> None:
    first, _ = _bootstrap_run(chair_env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert shown_in(first.stdout).fits()
    stamp = (ROOT / ".venv" / ".chairdesk-installed").read_text(encoding="utf-8").split()
    assert stamp[0] == hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    launcher = Path(chair_env["HOME"]) / ".local" / "bin" / "chairdesk"
    assert launcher.is_symlink() and launcher.resolve() == (ROOT / ".venv" / "bin" / "chairdesk").resolve()
    entry = Path(chair_env["XDG_DATA_HOME"]) / "applications" / "chairdesk.desktop"
    assert f'Exec="{launcher}" %f' in entry.read_text(encoding="utf-8")

    second, wall = _bootstrap_run({**chair_env, **OFFLINE}, _no_network_prefix())
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Installing" not in second.stdout + second.stderr
    shown = shown_in(second.stdout)
    assert shown.platform == "offscreen" and shown.area == (0, 0, 1280, 800) and shown.fits(), shown
    # under 2 s on an idle machine (packaging/README.md); the bound leaves room for a busy CI runner
    assert shown.seconds < 8 and wall < 10, (shown.seconds, wall)
    print(
        f"second bootstrap.sh run, offline: window shown {shown.seconds:.2f} s after start ({wall:.2f} s in all)"
    )


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs xvfb-run (bootstrap.sh test installs it)")
def test_second_start_under_xvfb_fits_a_projector(chair_env: dict[str, str]) -> None:
    first, _ = _bootstrap_run(chair_env)
    assert first.returncode == 0, first.stdout + first.stderr
    env = {k: v for k, v in chair_env.items() if k != "QT_QPA_PLATFORM"}
    prefix = [*_no_network_prefix(), "xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]
    second, _ = _bootstrap_run({**env, **OFFLINE}, prefix)
    assert second.returncode == 0, second.stdout + second.stderr
    shown = shown_in(second.stdout)
    assert shown.platform == "xcb" and shown.area == (0, 0, 1280, 800) and shown.fits(), shown
