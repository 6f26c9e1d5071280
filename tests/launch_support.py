"""Starting chairdesk as a chair would, in a subprocess, and reading the line it prints once its window is shown."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN = re.compile(
    r"chairdesk: window shown: (\d+)x(\d+) at \((-?\d+),(-?\d+)\) on screen '[^']*' "
    r"\(available (\d+)x(\d+) at \((-?\d+),(-?\d+)\)\), platform (\w+), ([\d.]+) s after start"
)


@dataclass(frozen=True)
class Shown:
    """What the window-shown line says: the window's frame, the screen's available area, the start-up time."""

    width: int
    height: int
    x: int
    y: int
    area: tuple[int, int, int, int]  # x, y, width, height
    platform: str
    seconds: float

    def fits(self) -> bool:
        """Whether the whole frame is inside the screen's available area."""
        ax, ay, aw, ah = self.area
        return (
            self.x >= ax
            and self.y >= ay
            and self.x + self.width <= ax + aw
            and self.y + self.height <= ay + ah
        )


def shown_in(output: str) -> Shown:
    """The one window-shown line in a run's output (the test fails if there is none)."""
    found = SHOWN.findall(output)
    assert len(found) == 1, f"expected one 'window shown' line in:\n{output}"
    w, h, x, y, aw, ah, ax, ay, platform, seconds = found[0]
    return Shown(
        int(w), int(h), int(x), int(y), (int(ax), int(ay), int(aw), int(ah)), platform, float(seconds)
    )


def screen_config(folder: Path, width: int, height: int) -> str:
    """A QT_QPA_PLATFORM value: the offscreen platform with one screen of this size."""
    path = folder / f"screen-{width}x{height}.json"
    screen = {
        "name": f"screen{width}",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "dpr": 1,
    }
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def run_chairdesk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """`python -m chairdesk ARGS` from this checkout, with the environment given on top of the test's."""
    return subprocess.run(
        [sys.executable, "-m", "chairdesk", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
