"""The benchmarks' plain PySide6 window has as many widgets as chairdesk's window (benchmarks/same_widgets.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from benchmarks.same_widgets import MADE_BY_OTHERS, same_widgets_command, take_census
from chairdesk.sample import build_sample_session

ROOT = Path(__file__).resolve().parent.parent


def test_plain_window_has_the_desks_widgets(tmp_path: Path) -> None:
    path = build_sample_session(tmp_path / "sample.chairdesk")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    census = take_census(path, env, ROOT)
    assert census["total"] > 150 and census["actions"] > 50  # the desk with its panels, menus and keys
    assert census["widgets"]["QDockWidget"] >= 4
    said = subprocess.run(
        same_widgets_command(census), env=env, cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert said[0] == "shown" and said[2] == "widgets"
    # Within a tenth of chairdesk's count: the plain window's own scroll bars and viewports come on top.
    assert abs(int(said[1]) - census["total"]) <= census["total"] // 10
    assert "QLabel" not in MADE_BY_OTHERS and census["widgets"]["QLabel"] > 10
